//! What the pages show, derived from the dataset: so components only lay it out.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::dataset::Dataset;
use crate::dates::{cadence_span, CadenceSpan, Ends};
use crate::model::{Activity, Agreement, Area, Kommun, Lan, Period, Promise};
use crate::query::Results;
use crate::text::sort_key;

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
    /// The status on `today`. Exact start and end dates are used when the source gives them;
    /// otherwise whole years.
    pub fn status(&self, today: NaiveDate) -> Status {
        if today < self.first_day() {
            Status::Upcoming
        } else if today > self.last_day() {
            Status::Ended
        } else {
            Status::Ongoing
        }
    }
}

/// What dates tell a resident about an agreement on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgreementDates {
    pub status: Status,
    /// When an ongoing agreement ends.
    pub ends: Option<Ends>,
    /// For an ongoing agreement whose follow-up cadence is known: the span it is in now,
    /// whose follow-up comes next.
    pub next_follow_up: Option<CadenceSpan>,
}

pub fn agreement_dates(agreement: &Agreement, today: NaiveDate) -> AgreementDates {
    let status = agreement.period.status(today);
    let ongoing = status == Status::Ongoing;
    AgreementDates {
        status,
        ends: ongoing.then(|| agreement.period.ends()),
        next_follow_up: agreement
            .follow_up
            .as_ref()
            .and_then(|f| f.cadence)
            .filter(|_| ongoing)
            .map(|cadence| cadence_span(cadence, today)),
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

/// What a medborgardialog in a kommun looks back on and ahead to: its latest agreement that
/// has ended (what was promised, and what the follow-ups say of it), and the one that runs now
/// or, when none does, the next to come. Announcements carry no promises and are passed over.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HowItWent<'a> {
    pub ended: Option<&'a Agreement>,
    pub current: Option<&'a Agreement>,
}

pub fn how_it_went<'a>(data: &'a Dataset, kommun: &'a str, today: NaiveDate) -> HowItWent<'a> {
    // Newest first, so the first of each kind is the latest.
    let agreements: Vec<&Agreement> = data
        .agreements_for_kommun(kommun)
        .filter(|a| a.kind == crate::model::AgreementKind::Agreement)
        .collect();
    let first_with = |status: Status| {
        agreements
            .iter()
            .copied()
            .find(|a| a.period.status(today) == status)
    };
    // The nearest of those to come is the last of them in the list.
    let upcoming = || {
        agreements
            .iter()
            .copied()
            .rfind(|a| a.period.status(today) == Status::Upcoming)
    };
    HowItWent {
        ended: first_with(Status::Ended),
        current: first_with(Status::Ongoing).or_else(upcoming),
    }
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
    areas.sort_by_cached_key(|a| sort_key(&a.name));
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
    lan.sort_by_cached_key(|l| sort_key(&l.name));
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

/// One CSV line (RFC 4180: comma-separated, quoted where needed, ended by CRLF).
fn csv_line(out: &mut String, cells: &[&str]) {
    for (i, value) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if value.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&value.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(value);
        }
    }
    out.push_str("\r\n");
}

/// A CSV (RFC 4180, comma-separated, quoted where needed) of a result set.
pub fn export_csv(data: &Dataset, results: &Results) -> String {
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
        csv_line(&mut out, &cells);
    }
    out
}

/// The columns of [`export_statuses_csv`].
pub const STATUS_EXPORT_COLUMNS: [&str; 17] = [
    "agreement",
    "kommuner",
    "report",
    "report_title",
    "report_start",
    "report_end",
    "published",
    "report_url",
    "activity",
    "activity_text",
    "promise",
    "status",
    "status_sv",
    "text",
    "done",
    "of",
    "unit",
];

/// The follow-up statuses of a result set's agreements, a CSV apart from [`export_csv`]'s
/// (its rows are records, these are what reports say of them): one row per report and
/// activity it speaks of, in the reports' order. As there, an agreement listed for
/// particular matches brings only its matched activities.
pub fn export_statuses_csv(data: &Dataset, results: &Results) -> String {
    let mut out = String::new();
    csv_line(&mut out, &STATUS_EXPORT_COLUMNS);
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    let date = |value: Option<NaiveDate>| value.map(|d| d.to_string()).unwrap_or_default();
    let number = |value: Option<u32>| value.map(|n| n.to_string()).unwrap_or_default();
    for group in &results.groups {
        let agreement = &data.agreements[group.agreement];
        let everything = group.promises.is_empty() && group.activities.is_empty();
        let listed = |activity: &str| {
            everything
                || group
                    .activities
                    .iter()
                    .any(|&i| agreement.activities[i].id == activity)
        };
        let kommuner = agreement.kommuner.join("; ");
        for report in agreement.follow_up.iter().flat_map(|f| &f.reports) {
            for status in report.statuses.iter().filter(|s| listed(&s.activity)) {
                let activity = agreement
                    .activities
                    .iter()
                    .find(|a| a.id == status.activity);
                let count = status.count.as_ref();
                let cells = [
                    agreement.id.clone(),
                    kommuner.clone(),
                    text(&report.id),
                    report.title.clone(),
                    date(report.period.map(|p| p.start)),
                    date(report.period.map(|p| p.end)),
                    date(report.published),
                    text(&report.url),
                    status.activity.clone(),
                    activity.map(|a| a.text.clone()).unwrap_or_default(),
                    activity.and_then(|a| a.promise.clone()).unwrap_or_default(),
                    status.status.word().to_string(),
                    status.status.label_sv().to_string(),
                    text(&status.text),
                    number(count.and_then(|c| c.done)),
                    number(count.and_then(|c| c.of)),
                    count.map(|c| text(&c.unit)).unwrap_or_default(),
                ];
                csv_line(&mut out, &cells.each_ref().map(String::as_str));
            }
        }
    }
    out
}

/// The agreements of a result set as JSON, in the dataset's own schema, as `data/` holds them.
pub fn export_json(data: &Dataset, results: &Results) -> String {
    let agreements: Vec<&Agreement> = results
        .groups
        .iter()
        .map(|group| &data.agreements[group.agreement])
        .collect();
    serde_json::to_string_pretty(&agreements)
        .expect("the model is strings, numbers and lists, which JSON always holds")
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

    fn day(text: &str) -> NaiveDate {
        crate::dates::parse_iso_date(text).unwrap()
    }

    fn period(from: i32, to: i32, start: Option<&str>, end: Option<&str>) -> Period {
        Period {
            from,
            to,
            start: start.map(day),
            end: end.map(day),
        }
    }

    #[test]
    fn status_by_years_and_by_exact_dates() {
        let p = period(2020, 2022, None, None);
        assert_eq!(p.status(day("2019-12-31")), Status::Upcoming);
        assert_eq!(p.status(day("2020-01-01")), Status::Ongoing);
        assert_eq!(p.status(day("2022-12-31")), Status::Ongoing);
        assert_eq!(p.status(day("2023-01-01")), Status::Ended);
        let mid_year = period(2018, 2020, Some("2018-07-01"), Some("2020-06-30"));
        assert_eq!(mid_year.status(day("2018-03-01")), Status::Upcoming);
        assert_eq!(mid_year.status(day("2020-06-30")), Status::Ongoing);
        assert_eq!(mid_year.status(day("2020-07-01")), Status::Ended);
    }

    #[test]
    fn an_ongoing_agreement_says_when_it_ends_and_which_follow_up_comes_next() {
        // Jönköping 2016, followed up each tertial, given a mid-year period.
        let mut agreement: Agreement =
            serde_json::from_str(include_str!("../../../data/agreements/jonkoping-2016.json"))
                .unwrap();
        agreement.period = period(2018, 2020, Some("2018-07-01"), Some("2020-06-30"));
        let dates = agreement_dates(&agreement, day("2019-10-02"));
        assert_eq!(dates.status, Status::Ongoing);
        assert_eq!(dates.ends, Some(Ends::On(day("2020-06-30"))));
        let next = dates.next_follow_up.unwrap();
        assert_eq!(
            (next.number, next.year, next.last_day),
            (3, 2019, day("2019-12-31"))
        );

        // Ended or not begun: nothing is coming.
        for today in ["2020-07-01", "2018-06-30"] {
            let dates = agreement_dates(&agreement, day(today));
            assert_eq!((dates.ends, dates.next_follow_up), (None, None), "{today}");
        }
        // Whole years, no cadence: the year it ends in, and no follow-up.
        agreement.period = period(2026, 2027, None, None);
        agreement.follow_up = None;
        let dates = agreement_dates(&agreement, day("2026-11-26"));
        assert_eq!(dates.ends, Some(Ends::InYear(2027)));
        assert_eq!(dates.next_follow_up, None);
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
        crate::dataset::Located::Agreement(a) => a.heading(),
        crate::dataset::Located::Promise(_, p) => p.text.clone(),
        crate::dataset::Located::Activity(_, x) => x.text.clone(),
    };
    crate::text::shorten(&text, 160)
}
