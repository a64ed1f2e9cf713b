//! One article's extraction as the merge reads it, whatever its form: an
//! [`Extraction`] (edges naming their ends by id), or [`Records`](crate::model::Records) with their
//! article ([`Extracted`]: ends by number, evidence read from the text).

use crate::model::{Aliases, EdgeView, EntityView, Extracted, Extraction, NO_RECORD};
use crate::text::article::Provenance;
use crate::text::date::Date;

/// The ends of an edge the merge reads, as places in its entities: source,
/// target, and speaker and place when they are among them.
pub(crate) type Ends = (usize, usize, Option<usize>, Option<usize>);

/// One article's extraction as the merge reads it, whatever its form: an
/// [`Extraction`], or [`Records`](crate::model::Records) with their article
/// ([`Extracted`]).
pub(crate) trait Merged {
    /// The article's id.
    fn article(&self) -> &str;
    /// The article's date.
    fn date(&self) -> Option<Date>;
    /// Where the article came from.
    fn provenance(&self) -> &Provenance;
    /// How many entities there are.
    fn entity_count(&self) -> usize;
    /// Entity `i`.
    fn entity(&self, i: usize) -> EntityView<'_>;
    /// Hands `each` every edge whose ends are among the entities, in order.
    fn each_edge(&self, each: impl FnMut(Ends, EdgeView<'_>));
}

impl Merged for Extraction {
    fn article(&self) -> &str {
        &self.article
    }
    fn date(&self) -> Option<Date> {
        self.date
    }
    fn provenance(&self) -> &Provenance {
        &self.provenance
    }
    fn entity_count(&self) -> usize {
        self.entities.len()
    }
    fn entity(&self, i: usize) -> EntityView<'_> {
        EntityView::of(&self.entities[i])
    }
    fn each_edge(&self, mut each: impl FnMut(Ends, EdgeView<'_>)) {
        // an article names a few dozen entities: a list beats a map (the
        // last of one id wins, as in a map); ids are told apart by a key of
        // their ends first, most without comparing their bytes
        let keys: Vec<((u64, usize), &str)> = self
            .entities
            .iter()
            .map(|e| (crate::bytes::tail_key(e.id.as_bytes()), e.id.as_str()))
            .collect();
        let find = |id: &str| {
            let key = crate::bytes::tail_key(id.as_bytes());
            keys.iter().rposition(|&(k, s)| k == key && s == id)
        };
        for r in &self.edges {
            let (Some(s), Some(t)) = (find(&r.source), find(&r.target)) else {
                continue;
            };
            let speaker = r.speaker.as_deref().and_then(find);
            let place = r.place.as_deref().and_then(find);
            each((s, t, speaker, place), EdgeView::of(r));
        }
    }
}

impl Merged for Extracted<'_> {
    fn article(&self) -> &str {
        &self.article.id
    }
    fn date(&self) -> Option<Date> {
        self.article.date
    }
    fn provenance(&self) -> &Provenance {
        &self.article.provenance
    }
    fn entity_count(&self) -> usize {
        self.records.entities.len()
    }
    #[inline]
    fn entity(&self, i: usize) -> EntityView<'_> {
        let (r, e) = (self.records, &self.records.entities[i]);
        let text = r.text.as_str();
        EntityView {
            id: r.ids.get(e.id).map_or("", |s| s.of(text)),
            name: e.name.of(text),
            kind: e.kind,
            aliases: Aliases {
                owned: &[],
                text,
                spans: r.aliases_of(e),
            },
            code: e.code.map(|c| c.of(text)),
        }
    }
    fn each_edge(&self, mut each: impl FnMut(Ends, EdgeView<'_>)) {
        let r = self.records;
        let slot = |i: usize| r.slot.get(i).copied().filter(|&s| s != NO_RECORD);
        let (id, text) = (self.article.id.as_str(), self.article.text.as_str());
        for d in &r.edges {
            let (Some(s), Some(t)) = (slot(d.source), slot(d.target)) else {
                continue;
            };
            let speaker = d.speaker.and_then(slot).map(|x| x as usize);
            let place = d.place.and_then(slot).map(|x| x as usize);
            let view = EdgeView {
                kind: d.kind,
                cameo: &d.cameo,
                date: d.date,
                topics: d
                    .topics
                    .and_then(|t| r.topics.get(t))
                    .map_or(&[], Vec::as_slice),
                role: d.role.as_deref(),
                planned: d.planned,
                former: d.former,
                article: id,
                sentence: d.sentence,
                start: d.start,
                end: d.end,
                text: text.get(d.start..d.end).unwrap_or_default(),
            };
            each((s as usize, t as usize, speaker, place), view);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Extracted;
    use crate::{Article, Bulk, Extractor, Graph};

    /// Articles of the development corpus, and a few made to vary: no date,
    /// a repeated id, a text with no relation.
    fn articles() -> Vec<Article> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/dev");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .map(|d| d.filter_map(|e| Some(e.ok()?.path())).collect())
            .unwrap_or_default();
        paths.sort();
        let mut v: Vec<Article> = paths
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .filter_map(|p| {
                let id = p.file_stem()?.to_string_lossy().into_owned();
                Article::parse(id, std::fs::read_to_string(p).ok()?).ok()
            })
            .collect();
        let seed = include_str!("../../seeds/000_186ee53d8d80909e.txt");
        v.push(Article::parse("seed", seed).unwrap());
        v.push(Article::parse("plain", "China and Pakistan met in Islamabad.").unwrap());
        v.push(Article::parse("seed", seed.replace("China", "Brazil")).unwrap());
        v.push(Article::parse("none", "Nothing happened today.").unwrap());
        v
    }

    /// Merging an article's records gives what merging its extraction
    /// gives: the same extraction, the same graph, the same bulk file.
    #[test]
    fn records_merge_as_their_extraction() {
        let ex = Extractor::new().unwrap();
        let arts = articles();
        assert!(arts.len() > 5);
        let dir = tempfile::tempdir().unwrap();
        let (mut a, mut b) = (Graph::new(), Graph::new());
        let (pa, pb) = (dir.path().join("a.ron"), dir.path().join("b.ron"));
        let (mut ba, mut bb) = (Bulk::with_limit(&pa, 3000), Bulk::with_limit(&pb, 3000));
        for art in &arts {
            let records = crate::extract::records(ex.gazetteer(), art);
            let x = Extracted {
                article: art,
                records: &records,
            };
            let owned = ex.extract(art);
            assert_eq!(x.extraction(), owned, "{}", art.id);
            assert_eq!(records.clone().extraction(art), owned, "{}", art.id);
            a.merge_extraction(&owned);
            b.merge_extracted(&x);
            ba.add(&owned);
            bb.add_extracted(&x);
        }
        a.settle();
        b.settle();
        assert_eq!(a.to_ron(), b.to_ron());
        ba.save().unwrap();
        bb.save().unwrap();
        assert!(std::fs::read(&pa).unwrap() == std::fs::read(&pb).unwrap());
        // the caches past their headers (which name the file and its time)
        let cache = |p: &std::path::Path| std::fs::read(p.with_extension("ron.cache")).unwrap();
        let (ca, cb) = (cache(&pa), cache(&pb));
        assert!(ca.len() == cb.len() && ca.len() > 200 && ca[200..] == cb[200..]);
    }
}
