//! The command's allocator: mimalloc, through its plain entry points
//! wherever Rust asks for no more alignment than they give (the `mimalloc`
//! crate calls the aligned ones for every block, about three times the
//! instructions of the plain fast path), and the option that keeps freed
//! memory. The throughput example uses them too.

use libmimalloc_sys as mi;
use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

/// Alignment of every block of `mi_malloc` at least this large
/// (`MI_MAX_ALIGN_SIZE`, as for glibc's `malloc`); smaller blocks are aligned to
/// their size's power of two, which is all a layout of that size can ask.
const PLAIN_ALIGN: usize = 16;

/// `mi_option_purge_delay` in mimalloc's `mimalloc.h` (version 3, the one
/// libmimalloc-sys builds).
const MI_OPTION_PURGE_DELAY: mi::mi_option_t = 15;

/// Keeps freed memory for reuse instead of handing it back to the system
/// 10 ms later: a build frees each batch of articles and allocates the next,
/// and every page handed back is zeroed again by the kernel when touched
/// (6,700 page faults and about a tenth of a 20k build without this; 345 with).
pub fn keep_freed_memory() {
    // SAFETY: sets one of mimalloc's options, a plain integer it reads when
    // deciding to purge; any value is valid (-1: never purge).
    unsafe { mi::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
}

/// `mi_option_allow_thp` in mimalloc's `mimalloc.h` (version 3).
const MI_OPTION_ALLOW_THP: mi::mi_option_t = 43;

/// Keeps the process on small (4 KB) pages: with transparent huge pages the
/// kernel zeroes 2 MB at each first touch, which on this project's VMs cost
/// 0.15 to 0.5 s of system time in a 20k build (0.12 to 0.13 s without them,
/// and 50 MB less peak memory).
pub fn small_pages() {
    // SAFETY: sets one of mimalloc's options, a plain integer it reads before
    // advising the kernel to use huge pages for the memory it maps next.
    unsafe { mi::mi_option_set(MI_OPTION_ALLOW_THP, 0) };
    // the memory mapped before this call was advised already: the process's
    // flag covers it too (a plain system call; failure leaves huge pages on)
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and touches no memory.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// mimalloc as the global allocator.
pub struct Mi;

/// Whether the plain entry points give `layout` its alignment.
fn is_plain(layout: &Layout) -> bool {
    layout.align() <= PLAIN_ALIGN && layout.align() <= layout.size()
}

/// A block for `layout` from `plain` where its alignment suffices, else from `aligned`.
///
/// # Safety
/// As `GlobalAlloc::alloc`: `layout` has a non-zero size.
#[inline]
unsafe fn block(
    layout: Layout,
    plain: unsafe extern "C" fn(usize) -> *mut c_void,
    aligned: unsafe extern "C" fn(usize, usize) -> *mut c_void,
) -> *mut u8 {
    if is_plain(&layout) {
        plain(layout.size()).cast()
    } else {
        aligned(layout.size(), layout.align()).cast()
    }
}

// SAFETY: every block comes from mimalloc, aligned as its layout asks (the
// plain calls only where their alignment suffices), and goes back to
// mimalloc's `mi_free`, which takes blocks of both kinds.
unsafe impl GlobalAlloc for Mi {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        block(layout, mi::mi_malloc, mi::mi_malloc_aligned)
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        block(layout, mi::mi_zalloc, mi::mi_zalloc_aligned)
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        mi::mi_free(ptr.cast::<c_void>());
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new = Layout::from_size_align_unchecked(new_size, layout.align());
        if is_plain(&new) {
            mi::mi_realloc(ptr.cast::<c_void>(), new_size).cast()
        } else {
            mi::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(target_os = "linux")]
    #[test]
    fn small_pages_turns_huge_pages_off_for_the_process() {
        small_pages();
        // SAFETY: PR_GET_THP_DISABLE reads the process's flag; no memory passed.
        assert_eq!(
            unsafe { libc::prctl(libc::PR_GET_THP_DISABLE, 0, 0, 0, 0) },
            1
        );
    }

    #[test]
    fn blocks_are_aligned_as_asked_and_keep_their_bytes() {
        let mi = Mi;
        for align in [1usize, 2, 4, 8, 16, 32, 64, 4096] {
            for size in [1usize, 3, 8, 16, 24, 48, 100, 1000, 70_000] {
                let size = size.next_multiple_of(align);
                let layout = Layout::from_size_align(size, align).unwrap();
                // SAFETY: non-zero sizes; each block freed once, with its layout.
                unsafe {
                    let p = mi.alloc(layout);
                    assert_eq!(p as usize % align, 0, "size {size} align {align}");
                    p.write_bytes(7, size);
                    let q = mi.realloc(p, layout, size * 3);
                    assert_eq!(q as usize % align, 0, "realloc {size} align {align}");
                    assert!((0..size).all(|i| *q.add(i) == 7));
                    mi.dealloc(q, Layout::from_size_align(size * 3, align).unwrap());
                    let z = mi.alloc_zeroed(layout);
                    assert_eq!(z as usize % align, 0);
                    assert!((0..size).all(|i| *z.add(i) == 0));
                    mi.dealloc(z, layout);
                }
            }
        }
    }
}
