//! What the pages show, derived from the dataset: so components only lay it out.

use std::collections::BTreeSet;

use crate::dataset::Dataset;
use crate::json::Writer;
use crate::model::{
    Activity, Actor, Agreement, AgreementKind, Area, Cadence, Kommun, Lan, Period, Promise,
};
use crate::query::Results;
use crate::text::compare_sv;

/// Where a period stands relative to a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Pågår.
    Ongoing,
    /// Avslutat.
    Ended,
    /// Kommande.
    Upcoming,
}

impl Period {
    /// The status on `today` (an ISO date, "2026-11-21"). Exact start and end dates are used
    /// when the source gives them; otherwise whole years.
    pub fn status(&self, today: &str) -> Status {
        let start = self
            .start
            .clone()
            .unwrap_or_else(|| format!("{:04}-01-01", self.from));
        let end = self
            .end
            .clone()
            .unwrap_or_else(|| format!("{:04}-12-31", self.to));
        if today < start.as_str() {
            Status::Upcoming
        } else if today > end.as_str() {
            Status::Ended
        } else {
            Status::Ongoing
        }
    }
}

impl Agreement {
    /// Every topic its promises and activities have, each once.
    pub fn topic_ids(&self) -> BTreeSet<&str> {
        self.promises
            .iter()
            .flat_map(|p| &p.topics)
            .chain(self.activities.iter().flat_map(|a| &a.topics))
            .map(String::as_str)
            .collect()
    }

    /// The activities that serve a promise, in source order.
    pub fn activities_for<'a>(
        &'a self,
        promise_id: &'a str,
    ) -> impl Iterator<Item = &'a Activity> + 'a {
        self.activities
            .iter()
            .filter(move |a| a.promise.as_deref() == Some(promise_id))
    }

    /// Activities the source does not tie to any promise.
    pub fn unlinked_activities(&self) -> impl Iterator<Item = &Activity> {
        self.activities.iter().filter(|a| a.promise.is_none())
    }
}

/// How a kommun's agreements changed from one to the next.
#[derive(Debug, Clone, PartialEq)]
pub struct Change<'a> {
    pub agreement: &'a Agreement,
    /// Topics this agreement has that the one before it did not; empty for the first.
    pub added: Vec<&'a str>,
    /// Topics the one before had that this one does not.
    pub dropped: Vec<&'a str>,
    /// Whether there is an earlier agreement to compare with.
    pub has_previous: bool,
}

/// A kommun's agreements, newest first, each with what changed since the one before.
pub fn kommun_history<'a>(data: &'a Dataset, kommun: &'a str) -> Vec<Change<'a>> {
    let agreements: Vec<&Agreement> = data.agreements_for_kommun(kommun).collect();
    agreements
        .iter()
        .enumerate()
        .map(|(i, agreement)| {
            // Announcements have no contents to compare; skip past them to the last real one.
            let previous = agreements[i + 1..]
                .iter()
                .find(|a| a.kind == crate::model::AgreementKind::Agreement);
            let now = agreement.topic_ids();
            match previous {
                Some(before) if agreement.kind == crate::model::AgreementKind::Agreement => {
                    let before = before.topic_ids();
                    Change {
                        agreement,
                        added: now.difference(&before).copied().collect(),
                        dropped: before.difference(&now).copied().collect(),
                        has_previous: true,
                    }
                }
                _ => Change {
                    agreement,
                    added: Vec::new(),
                    dropped: Vec::new(),
                    has_previous: false,
                },
            }
        })
        .collect()
}

/// The promises and activities of one agreement that name an area.
#[derive(Debug, Clone, PartialEq)]
pub struct Mentions<'a> {
    pub agreement: &'a Agreement,
    pub promises: Vec<&'a Promise>,
    pub activities: Vec<&'a Activity>,
}

/// Everything that names an area, newest agreement first.
pub fn area_mentions<'a>(data: &'a Dataset, area_id: &str) -> Vec<Mentions<'a>> {
    data.agreements
        .iter()
        .filter_map(|agreement| {
            let promises: Vec<&Promise> = agreement
                .promises
                .iter()
                .filter(|p| p.areas.iter().any(|a| a == area_id))
                .collect();
            let activities: Vec<&Activity> = agreement
                .activities
                .iter()
                .filter(|a| a.areas.iter().any(|x| x == area_id))
                .collect();
            (!promises.is_empty() || !activities.is_empty()).then_some(Mentions {
                agreement,
                promises,
                activities,
            })
        })
        .collect()
}

/// How many promises and activities name each area, counted in one pass over the data.
pub fn area_mention_counts(data: &Dataset) -> std::collections::HashMap<&str, usize> {
    let mut counts = std::collections::HashMap::new();
    let named = data.agreements.iter().flat_map(|a| {
        a.promises
            .iter()
            .map(|p| &p.areas)
            .chain(a.activities.iter().map(|x| &x.areas))
    });
    for areas in named {
        for area in areas {
            *counts.entry(area.as_str()).or_insert(0) += 1;
        }
    }
    counts
}

/// A kommun's areas in Swedish order.
pub fn areas_of_kommun<'a>(data: &'a Dataset, kommun: &str) -> Vec<&'a Area> {
    let mut areas: Vec<&Area> = data.areas.iter().filter(|a| a.kommun == kommun).collect();
    crate::sort::sort_by(&mut areas, |a, b| compare_sv(&a.name, &b.name));
    areas
}

/// Areas grouped by kommun, kommuner in Swedish order.
pub fn areas_by_kommun(data: &Dataset) -> Vec<(&Kommun, Vec<&Area>)> {
    data.kommuner
        .iter()
        .map(|k| (k, areas_of_kommun(data, &k.short_name)))
        .filter(|(_, areas)| !areas.is_empty())
        .collect()
}

/// Whether a kommun's name matches what someone typed to find it: anywhere in the name,
/// case and å/ä/ö forgiven ("jonk" finds Jönköping, "väsby" Upplands Väsby).
pub fn kommun_matches(name: &str, typed: &str) -> bool {
    let typed = crate::text::fold(typed.trim());
    typed.is_empty() || crate::text::fold(name).contains(&typed)
}

/// Every län in Swedish order with its kommuner (Swedish order) and their agreement counts.
pub fn kommuner_by_lan(data: &Dataset) -> Vec<(&Lan, Vec<(&Kommun, usize)>)> {
    let counts = data.agreement_counts();
    let mut lan: Vec<&Lan> = data.lan.iter().collect();
    crate::sort::sort_by(&mut lan, |a, b| compare_sv(&a.name, &b.name));
    lan.into_iter()
        .map(|l| {
            let kommuner = data
                .kommuner
                .iter()
                .filter(|k| k.lan_code == l.code)
                .map(|k| (k, counts.get(k.short_name.as_str()).copied().unwrap_or(0)))
                .collect();
            (l, kommuner)
        })
        .collect()
}

/// One row of an export: a promise or activity with its agreement's context.
#[derive(Debug, Clone)]
pub struct ExportRow<'a> {
    pub agreement: &'a str,
    pub title: &'a str,
    pub kommuner: String,
    pub period: String,
    pub kind: &'static str,
    pub id: &'a str,
    pub text: &'a str,
    pub actors: String,
    pub partners: String,
    pub topics: String,
    pub areas: String,
    pub source: &'a str,
}

/// The rows of a result set. An agreement listed without particular matches (an empty
/// search, or a match on its own words) brings all its promises and activities.
pub fn export_rows<'a>(data: &'a Dataset, results: &Results) -> Vec<ExportRow<'a>> {
    let mut rows = Vec::new();
    for group in &results.groups {
        let a = &data.agreements[group.agreement];
        let everything = group.promises.is_empty() && group.activities.is_empty();
        let promises: Vec<usize> = if everything {
            (0..a.promises.len()).collect()
        } else {
            group.promises.clone()
        };
        let activities: Vec<usize> = if everything {
            (0..a.activities.len()).collect()
        } else {
            group.activities.clone()
        };
        let row = |kind,
                   id,
                   text,
                   actors: String,
                   partners: String,
                   topics: &[String],
                   areas: &[String]| ExportRow {
            agreement: &a.id,
            title: &a.title,
            kommuner: a.kommuner.join("; "),
            period: a.period.label(),
            kind,
            id,
            text,
            actors,
            partners,
            topics: topics.join("; "),
            areas: areas.join("; "),
            source: &a.source.title,
        };
        for &i in &promises {
            let p = &a.promises[i];
            rows.push(row(
                "löfte",
                &p.id,
                &p.text,
                String::new(),
                String::new(),
                &p.topics,
                &p.areas,
            ));
        }
        for &i in &activities {
            let x = &a.activities[i];
            let actors = x
                .actors
                .iter()
                .map(|a| match a {
                    crate::model::Actor::Polisen => "polisen",
                    crate::model::Actor::Kommunen => "kommunen",
                })
                .collect::<Vec<_>>()
                .join("; ");
            rows.push(row(
                "aktivitet",
                &x.id,
                &x.text,
                actors,
                x.partners.join("; "),
                &x.topics,
                &x.areas,
            ));
        }
    }
    rows
}

/// A CSV (RFC 4180, comma-separated, quoted where needed) of a result set.
pub fn export_csv(data: &Dataset, results: &Results) -> String {
    fn cell(value: &str) -> String {
        if value.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", value.replace('"', "\"\""))
        } else {
            value.to_string()
        }
    }
    let mut out = String::from(
        "agreement,title,kommuner,period,kind,id,text,actors,partners,topics,areas,source\r\n",
    );
    for r in export_rows(data, results) {
        let cells = [
            r.agreement,
            r.title,
            &r.kommuner,
            &r.period,
            r.kind,
            r.id,
            r.text,
            &r.actors,
            &r.partners,
            &r.topics,
            &r.areas,
            r.source,
        ];
        out.push_str(&cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

/// The agreements of a result set as JSON, in the dataset's own schema: the same text
/// serde_json's `to_string_pretty` gives for them (tests/json_parity.rs holds it to that).
pub fn export_json(data: &Dataset, results: &Results) -> String {
    let mut w = Writer::new(true);
    w.begin_array();
    for group in &results.groups {
        write_agreement(&mut w, &data.agreements[group.agreement]);
    }
    w.end_array();
    w.finish()
}

/// An agreement as the model's serde derive writes it: fields in declaration order, with
/// their JSON names (`followUp`, `"år"`), null for None, a report's absent url left out.
/// A field added to the model must be added here too (the parity test fails until it is).
fn write_agreement(w: &mut Writer, a: &Agreement) {
    fn text(w: &mut Writer, key: &str, value: &str) {
        w.key(key);
        w.string(value);
    }
    fn opt(w: &mut Writer, key: &str, value: Option<&str>) {
        w.key(key);
        w.opt_string(value);
    }
    fn list(w: &mut Writer, key: &str, values: &[String]) {
        w.key(key);
        w.strings(values);
    }
    /// An array of objects, one per item, each written by `fields`.
    fn objects<T>(w: &mut Writer, key: &str, items: &[T], fields: impl Fn(&mut Writer, &T)) {
        w.key(key);
        w.begin_array();
        for item in items {
            w.begin_object();
            fields(w, item);
            w.end_object();
        }
        w.end_array();
    }
    w.begin_object();
    text(w, "id", &a.id);
    text(
        w,
        "kind",
        match a.kind {
            AgreementKind::Agreement => "agreement",
            AgreementKind::Announcement => "announcement",
        },
    );
    text(w, "title", &a.title);
    list(w, "kommuner", &a.kommuner);
    opt(w, "lokalpolisomrade", a.lokalpolisomrade.as_deref());
    w.key("period");
    w.begin_object();
    w.key("from");
    w.int(a.period.from.into());
    w.key("to");
    w.int(a.period.to.into());
    opt(w, "start", a.period.start.as_deref());
    opt(w, "end", a.period.end.as_deref());
    w.end_object();
    opt(w, "signed", a.signed.as_deref());
    objects(w, "signatories", &a.signatories, |w, s| {
        text(w, "name", &s.name);
        opt(w, "role", s.role.as_deref());
        opt(w, "organisation", s.organisation.as_deref());
    });
    opt(w, "summary", a.summary.as_deref());
    opt(w, "situation", a.situation.as_deref());
    list(w, "priorities", &a.priorities);
    objects(w, "promises", &a.promises, |w, p| {
        text(w, "id", &p.id);
        text(w, "text", &p.text);
        list(w, "topics", &p.topics);
        list(w, "areas", &p.areas);
    });
    objects(w, "activities", &a.activities, |w, x| {
        text(w, "id", &x.id);
        text(w, "text", &x.text);
        w.key("actors");
        w.begin_array();
        for actor in &x.actors {
            w.string(match actor {
                Actor::Polisen => "polisen",
                Actor::Kommunen => "kommunen",
            });
        }
        w.end_array();
        list(w, "partners", &x.partners);
        opt(w, "promise", x.promise.as_deref());
        list(w, "topics", &x.topics);
        list(w, "areas", &x.areas);
        w.key("frequency");
        match &x.frequency {
            None => w.null(),
            Some(f) => {
                w.begin_object();
                w.key("count");
                match f.count {
                    Some(n) => w.int(n.into()),
                    None => w.null(),
                }
                w.key("min");
                w.bool(f.min);
                opt(w, "per", f.per.as_deref());
                text(w, "text", &f.text);
                w.end_object();
            }
        }
    });
    opt(w, "effect", a.effect.as_deref());
    w.key("followUp");
    match &a.follow_up {
        None => w.null(),
        Some(f) => {
            w.begin_object();
            opt(
                w,
                "cadence",
                f.cadence.map(|c| match c {
                    Cadence::Tertial => "tertial",
                    Cadence::Kvartal => "kvartal",
                    Cadence::Ar => "år",
                }),
            );
            opt(w, "text", f.text.as_deref());
            objects(w, "reports", &f.reports, |w, r| {
                text(w, "title", &r.title);
                if let Some(url) = &r.url {
                    text(w, "url", url);
                }
            });
            w.end_object();
        }
    }
    w.key("source");
    w.begin_object();
    text(w, "title", &a.source.title);
    opt(w, "publisher", a.source.publisher.as_deref());
    opt(w, "document", a.source.document.as_deref());
    opt(w, "url", a.source.url.as_deref());
    w.end_object();
    opt(w, "notes", a.notes.as_deref());
    w.end_object();
}

/// How much the dataset covers, as /om says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Coverage {
    pub agreements: usize,
    /// Source documents the agreements were transcribed from.
    pub sources: usize,
    /// Kommuner with at least one agreement.
    pub kommuner: usize,
    /// The first and last year any agreement covers (0 for an empty dataset).
    pub first_year: i32,
    pub last_year: i32,
}

pub fn coverage(data: &Dataset) -> Coverage {
    let years = || data.agreements.iter().map(|a| &a.period);
    let sources: std::collections::BTreeSet<&str> = data
        .agreements
        .iter()
        .filter_map(|a| a.source.document.as_deref())
        .collect();
    Coverage {
        agreements: data.agreements.len(),
        sources: sources.len(),
        kommuner: data.agreement_counts().len(),
        first_year: years().map(|p| p.from).min().unwrap_or_default(),
        last_year: years().map(|p| p.to).max().unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(from: i32, to: i32, start: Option<&str>, end: Option<&str>) -> Period {
        Period {
            from,
            to,
            start: start.map(Into::into),
            end: end.map(Into::into),
        }
    }

    #[test]
    fn status_by_years_and_by_exact_dates() {
        let p = period(2020, 2022, None, None);
        assert_eq!(p.status("2019-12-31"), Status::Upcoming);
        assert_eq!(p.status("2020-01-01"), Status::Ongoing);
        assert_eq!(p.status("2022-12-31"), Status::Ongoing);
        assert_eq!(p.status("2023-01-01"), Status::Ended);
        let mid_year = period(2018, 2020, Some("2018-07-01"), Some("2020-06-30"));
        assert_eq!(mid_year.status("2018-03-01"), Status::Upcoming);
        assert_eq!(mid_year.status("2020-07-01"), Status::Ended);
    }
}

/// A saved item with what it names in the dataset now, if anything.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedItem<'a> {
    pub bookmark: &'a crate::storage::Bookmark,
    pub located: Option<crate::dataset::Located<'a>>,
}

/// Saved items of one agreement; `agreement` is None for the ones no longer in the dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedGroup<'a> {
    pub agreement: Option<&'a Agreement>,
    pub items: Vec<SavedItem<'a>>,
}

/// Bookmarks grouped by agreement, the group with the newest save first, newest first inside;
/// bookmarks whose ids have left the dataset last, kept rather than dropped.
pub fn saved_groups<'a>(
    data: &'a Dataset,
    state: &'a crate::storage::UserState,
) -> Vec<SavedGroup<'a>> {
    let mut groups: Vec<SavedGroup<'a>> = Vec::new();
    let mut missing: Vec<SavedItem<'a>> = Vec::new();
    for bookmark in state.newest_first() {
        let located = data.locate(&bookmark.id);
        let item = SavedItem { bookmark, located };
        match located {
            None => missing.push(item),
            Some(found) => {
                let agreement = found.agreement();
                match groups
                    .iter_mut()
                    .find(|g| g.agreement.is_some_and(|a| a.id == agreement.id))
                {
                    Some(group) => group.items.push(item),
                    None => groups.push(SavedGroup {
                        agreement: Some(agreement),
                        items: vec![item],
                    }),
                }
            }
        }
    }
    if !missing.is_empty() {
        groups.push(SavedGroup {
            agreement: None,
            items: missing,
        });
    }
    groups
}

/// What a bookmark shows if its id ever leaves the dataset: a short form of its text.
pub fn bookmark_label(located: crate::dataset::Located<'_>) -> String {
    let text = match located {
        crate::dataset::Located::Agreement(a) => format!(
            "{} – {} ({})",
            a.title,
            a.kommuner.join(", "),
            a.period.label()
        ),
        crate::dataset::Located::Promise(_, p) => p.text.clone(),
        crate::dataset::Located::Activity(_, x) => x.text.clone(),
    };
    crate::text::shorten(&text, 160)
}
