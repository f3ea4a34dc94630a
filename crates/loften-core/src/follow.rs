//! Following a kommun: what a device last saw of the kommun's agreements, and what has come
//! since: new agreements, new follow-up reports, and activities whose latest status changed.
//!
//! What was seen is kept as the keys of what was seen ([`Seen`]), not as a date: the data
//! says when an agreement was signed or a report published, not when it reached the dataset,
//! and a report added late with an old date is still news to someone who has not read it.
//! Following a kommun records [`seen_now`], so nothing is new on that visit; "mark as read"
//! records it again. Items since removed from the data are never listed: only what the data
//! holds now is compared with what was seen.
//!
//! A kommun's agreements are those whose `kommuner` name it (by its short name, as the
//! data's files do); an agreement of several kommuner is news in each.

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::dataset::Dataset;
use crate::followups::activity_status;
use crate::model::{Agreement, Progress, Report};

/// What a device last saw of one kommun. Fields are in alphabetical order of their names, as
/// the stored state's are (`storage`): an unchanged value is written back as the same text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Seen {
    /// The ids of the kommun's agreements.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agreements: Vec<String>,
    /// Their follow-up reports, by [`report_key`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reports: Vec<String>,
    /// Each activity's latest status, by the activity's id. An activity no report speaks of
    /// is left out: it has no status to change from.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub statuses: BTreeMap<String, Progress>,
}

/// One thing new since a kommun was last seen, with the day the data gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewItem {
    /// [`agreement_news_date`] or [`report_news_date`]: what orders the list, newest first.
    pub date: NaiveDate,
    pub kind: NewKind,
}

/// What is new. Ids are those of the data, so each links to its page: an agreement's
/// (`Route::Agreement`), or an activity on it (`Route::Record`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewKind {
    /// An agreement not seen before. Its reports and statuses come with it and are not listed
    /// apart.
    NewAgreement { agreement: String },
    /// A follow-up report, by [`report_key`], of an agreement seen before.
    NewReport { agreement: String, report: String },
    /// An activity's latest status is not the one seen: `from` is None when no report had
    /// spoken of it. `report` ([`report_key`]) is the one that says `to`.
    ChangedStatus {
        agreement: String,
        activity: String,
        report: String,
        from: Option<Progress>,
        to: Progress,
    },
}

/// The agreements of a kommun, by its slug, in the dataset's order (newest first); none for a
/// slug the data does not know.
pub fn agreements_of<'a>(data: &'a Dataset, kommun: &str) -> impl Iterator<Item = &'a Agreement> {
    let name = data.kommun_by_slug(kommun).map(|k| k.short_name.as_str());
    name.into_iter()
        .flat_map(|name| data.agreements_for_kommun(name))
}

/// The day an agreement became news: the day it was signed, else the first day of its period
/// (1 January of its first year when the source gives no exact start).
pub fn agreement_news_date(agreement: &Agreement) -> NaiveDate {
    agreement
        .signed
        .unwrap_or_else(|| agreement.period.first_day())
}

/// The day a report became news: the day it was published, else the last day it covers,
/// else (a report the source gives only the title of) its agreement's day.
pub fn report_news_date(agreement: &Agreement, report: &Report) -> NaiveDate {
    report
        .published
        .or(report.period.map(|p| p.end))
        .unwrap_or_else(|| agreement_news_date(agreement))
}

/// What names a report: its id, or, for a report the data gives no id, its agreement's id and
/// its title ("jonkoping-2018-2019#Uppföljning …, tertial 3 2018"), which no id can be.
pub fn report_key(agreement: &Agreement, report: &Report) -> String {
    match &report.id {
        Some(id) => id.clone(),
        None => format!("{}#{}", agreement.id, report.title),
    }
}

/// A report of an agreement by its [`report_key`].
pub fn report_by_key<'a>(agreement: &'a Agreement, key: &str) -> Option<&'a Report> {
    reports(agreement).find(|r| report_key(agreement, r) == key)
}

fn reports(agreement: &Agreement) -> impl Iterator<Item = &Report> {
    agreement.follow_up.iter().flat_map(|f| &f.reports)
}

/// What there is to see of a kommun now: record it when the kommun is followed, and again
/// when what is new has been read.
pub fn seen_now(data: &Dataset, kommun: &str) -> Seen {
    let mut seen = Seen::default();
    for agreement in agreements_of(data, kommun) {
        seen.agreements.push(agreement.id.clone());
        seen.reports
            .extend(reports(agreement).map(|r| report_key(agreement, r)));
        for activity in &agreement.activities {
            if let Some((_, status)) = activity_status(agreement, &activity.id) {
                seen.statuses.insert(activity.id.clone(), status.status);
            }
        }
    }
    // Sorted, so that the same data gives the same value, whatever order it comes in.
    for keys in [&mut seen.agreements, &mut seen.reports] {
        keys.sort_unstable();
        keys.dedup();
    }
    seen
}

/// What the data holds for a kommun that `seen` does not, newest first (by the days the data
/// gives; items of one day in the dataset's order, an agreement's reports as it lists them,
/// then its activities' statuses).
pub fn whats_new(data: &Dataset, kommun: &str, seen: &Seen) -> Vec<NewItem> {
    let agreements: HashSet<&str> = seen.agreements.iter().map(String::as_str).collect();
    let seen_reports: HashSet<&str> = seen.reports.iter().map(String::as_str).collect();
    let mut items = Vec::new();
    for agreement in agreements_of(data, kommun) {
        let id = &agreement.id;
        if !agreements.contains(id.as_str()) {
            items.push(NewItem {
                date: agreement_news_date(agreement),
                kind: NewKind::NewAgreement {
                    agreement: id.clone(),
                },
            });
            continue;
        }
        for report in reports(agreement) {
            let key = report_key(agreement, report);
            if !seen_reports.contains(key.as_str()) {
                items.push(NewItem {
                    date: report_news_date(agreement, report),
                    kind: NewKind::NewReport {
                        agreement: id.clone(),
                        report: key,
                    },
                });
            }
        }
        for activity in &agreement.activities {
            let Some((report, status)) = activity_status(agreement, &activity.id) else {
                continue;
            };
            let from = seen.statuses.get(&activity.id).copied();
            if from != Some(status.status) {
                items.push(NewItem {
                    date: report_news_date(agreement, report),
                    kind: NewKind::ChangedStatus {
                        agreement: id.clone(),
                        activity: activity.id.clone(),
                        report: report_key(agreement, report),
                        from,
                        to: status.status,
                    },
                });
            }
        }
    }
    // A stable sort: items of one day keep the order they were found in.
    items.sort_by_key(|item| std::cmp::Reverse(item.date));
    items
}
