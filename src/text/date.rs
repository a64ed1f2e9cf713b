//! Civil dates: parsing the forms news uses and resolving relative ones
//! ("on Friday") against the article's date.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar date (proleptic Gregorian), ordered, written `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    /// The year (`2023`); `Date::new` takes 1 to 9999.
    pub year: i32,
    /// The month, 1 (January) to 12.
    pub month: u8,
    /// The day of the month, from 1.
    pub day: u8,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

impl Date {
    /// A date if the day exists in that month and year.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || !(1..=9999).contains(&year) {
            return None;
        }
        (day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let y = s[0..4].parse().ok()?;
        let m = s[5..7].parse().ok()?;
        let d = s[8..10].parse().ok()?;
        Date::new(y, m, d)
    }

    /// Days since 1970-01-01.
    pub fn days(self) -> i64 {
        let (y, m, d) = (self.year as i64, self.month as i64, self.day as i64);
        let y = if m <= 2 { y - 1 } else { y };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days(z: i64) -> Date {
        let z = z + 719468;
        let era = if z >= 0 { z } else { z - 146096 } / 146097;
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
        Date {
            year: y,
            month: m,
            day: d,
        }
    }

    /// 0 = Monday ... 6 = Sunday.
    pub fn weekday(self) -> u8 {
        ((self.days() + 3).rem_euclid(7)) as u8
    }

    /// The earliest date on or after `self` that falls on `weekday` (0 = Monday).
    pub fn next_weekday(self, weekday: u8) -> Date {
        let ahead = (weekday as i64 - self.weekday() as i64).rem_euclid(7);
        Date::from_days(self.days() + ahead)
    }

    /// The latest date on or before `self` that falls on `weekday` (0 = Monday).
    pub fn last_weekday(self, weekday: u8) -> Date {
        let back = (self.weekday() as i64 - weekday as i64).rem_euclid(7);
        Date::from_days(self.days() - back)
    }
}

fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// The month number of a month name or its abbreviation ("May", "Oct.", "Sept").
#[inline]
pub fn month_number(word: &str) -> Option<u8> {
    // every month begins with one of these: most words are out at once
    let first = word.as_bytes().first()?.to_ascii_lowercase();
    if !matches!(first, b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd') {
        return None;
    }
    let w = word.trim_end_matches('.');
    if w.len() < 3 || w.len() > 9 {
        return None;
    }
    // no two months share their first three letters
    let b = w.as_bytes();
    let i = match [b[0], b[1], b[2]].map(|c| c.to_ascii_lowercase()) {
        [b'j', b'a', b'n'] => 0,
        [b'f', b'e', b'b'] => 1,
        [b'm', b'a', b'r'] => 2,
        [b'a', b'p', b'r'] => 3,
        [b'm', b'a', b'y'] => 4,
        [b'j', b'u', b'n'] => 5,
        [b'j', b'u', b'l'] => 6,
        [b'a', b'u', b'g'] => 7,
        [b's', b'e', b'p'] => 8,
        [b'o', b'c', b't'] => 9,
        [b'n', b'o', b'v'] => 10,
        [b'd', b'e', b'c'] => 11,
        _ => return None,
    };
    let m = MONTHS[i];
    let ok = m.eq_ignore_ascii_case(w)
        || (w.len() <= 4 && m.len() >= w.len() && m[..w.len()].eq_ignore_ascii_case(w));
    ok.then_some(i as u8 + 1)
}

/// Every word a sentence date can start from, in lower case: the months
/// and the abbreviations [`month_number`] takes (with the one dot a token
/// may keep), the weekdays, "today", "tonight" and "yesterday". The
/// lexicon marks them so that most tokens are passed over at once.
pub fn date_words() -> Vec<String> {
    let mut out: Vec<String> = ["today", "tonight", "yesterday"]
        .iter()
        .chain(&WEEKDAYS)
        .map(|w| w.to_ascii_lowercase())
        .collect();
    for m in MONTHS {
        let m = m.to_ascii_lowercase();
        for w in [&m[..3], m.get(..4).unwrap_or(&m), &m] {
            out.push(w.to_string());
            out.push(format!("{w}."));
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The weekday number (0 = Monday) of a weekday name.
#[inline]
pub fn weekday_number(word: &str) -> Option<u8> {
    if word.len() < 6 || word.len() > 9 {
        return None;
    }
    WEEKDAYS
        .iter()
        .position(|d| d.eq_ignore_ascii_case(word))
        .map(|i| i as u8)
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl From<Date> for String {
    fn from(d: Date) -> String {
        d.to_string()
    }
}

impl TryFrom<String> for Date {
    type Error = String;
    fn try_from(s: String) -> Result<Date, String> {
        Date::parse_iso(&s).ok_or_else(|| format!("{s:?} is not a date YYYY-MM-DD"))
    }
}

impl std::str::FromStr for Date {
    type Err = String;
    fn from_str(s: &str) -> Result<Date, String> {
        Date::parse_iso(s).ok_or_else(|| format!("{s:?} is not a date YYYY-MM-DD"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_days_and_weekdays() {
        let d = Date::parse_iso("2023-05-06").unwrap();
        assert_eq!(Date::from_days(d.days()), d);
        assert_eq!(d.weekday(), 5); // Saturday
        assert_eq!(d.last_weekday(4).to_string(), "2023-05-05"); // Friday
        assert_eq!(d.last_weekday(5), d);
        assert_eq!(d.next_weekday(2).to_string(), "2023-05-10"); // Wednesday
        assert_eq!(d.next_weekday(5), d);
        // each against the plain count, day by day
        for wd in 0..7u8 {
            let back = (0..7).find(|&n| Date::from_days(d.days() - n).weekday() == wd);
            let ahead = (0..7).find(|&n| Date::from_days(d.days() + n).weekday() == wd);
            assert_eq!(d.last_weekday(wd).days(), d.days() - back.unwrap());
            assert_eq!(d.next_weekday(wd).days(), d.days() + ahead.unwrap());
        }
        assert_eq!(Date::parse_iso("2024-02-29").unwrap().weekday(), 3);
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(Date::parse_iso("2023-02-29").is_none());
        assert!(Date::parse_iso("2023-13-01").is_none());
        assert!(Date::parse_iso("2023-5-6").is_none());
        assert!(Date::parse_iso("0000-01-01").is_none());
    }

    #[test]
    fn date_words_hold_every_word_a_date_starts_from() {
        let words = date_words();
        // every prefix of every month and weekday name, in three cases, with
        // and without the dot a token may keep, and a letter too many
        let names = MONTHS
            .iter()
            .chain(&WEEKDAYS)
            .chain(&["Today", "Tonight", "Yesterday"]);
        let mut tried = 0;
        for name in names {
            for n in 1..=name.len() {
                for w in [&name[..n], &format!("{}s", &name[..n])] {
                    for w in [w.to_string(), w.to_lowercase(), w.to_uppercase()] {
                        for w in [w.clone(), format!("{w}.")] {
                            let lower = w.to_ascii_lowercase();
                            let known = month_number(&w).is_some()
                                || weekday_number(&w).is_some()
                                || matches!(lower.as_str(), "today" | "tonight" | "yesterday");
                            assert_eq!(known, words.contains(&lower), "{w}");
                            tried += 1;
                        }
                    }
                }
            }
        }
        assert!(tried > 1000);
    }

    #[test]
    fn month_names_and_abbreviations() {
        assert_eq!(month_number("Oct."), Some(10));
        assert_eq!(month_number("Sept"), Some(9));
        assert_eq!(month_number("May"), Some(5));
        assert_eq!(month_number("Ma"), None);
        assert_eq!(month_number("Mayday"), None);
    }
}
