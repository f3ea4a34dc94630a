//! What follow-up reports say of an agreement's activities: each activity's latest status and
//! its history, a promise's tally, and the words for each status.
//!
//! An activity no report speaks of has no status at all: it was not followed up, which is
//! "Ingen uppföljning publicerad", never "not done".

pub mod sheet;

use std::cmp::Ordering;

use chrono::NaiveDate;

use crate::model::{ActivityStatus, Agreement, Progress, Report, ReportPeriod};

/// What the app says of an activity no report speaks of.
pub const NOT_FOLLOWED_UP_SV: &str = "Ingen uppföljning publicerad";
pub const NOT_FOLLOWED_UP_EN: &str = "No follow-up published";

impl Progress {
    /// The word the data files use: "not-started".
    pub fn word(self) -> &'static str {
        match self {
            Progress::Done => "done",
            Progress::Ongoing => "ongoing",
            Progress::Partly => "partly",
            Progress::NotStarted => "not-started",
            Progress::NotDone => "not-done",
            Progress::Unassessable => "unassessable",
        }
    }

    pub fn label_sv(self) -> &'static str {
        match self {
            Progress::Done => "Genomförd",
            Progress::Ongoing => "Pågår",
            Progress::Partly => "Delvis genomförd",
            Progress::NotStarted => "Ej påbörjad",
            Progress::NotDone => "Ej genomförd",
            Progress::Unassessable => "Kan inte bedömas",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Progress::Done => "Done",
            Progress::Ongoing => "Ongoing",
            Progress::Partly => "Partly done",
            Progress::NotStarted => "Not started",
            Progress::NotDone => "Not done",
            Progress::Unassessable => "Cannot be assessed",
        }
    }

    /// A status as someone types it in a sheet: the data's word, or the Swedish or English
    /// label, in any case and with any spacing ("genomförd", " Ej  påbörjad ", "NOT-DONE").
    pub fn from_typed(typed: &str) -> Option<Progress> {
        let typed = crate::text::lowercase(&crate::text::collapse_whitespace(typed));
        Progress::ALL.into_iter().find(|p| {
            [p.word(), p.label_sv(), p.label_en()]
                .iter()
                .any(|name| crate::text::lowercase(name) == typed)
        })
    }
}

/// The day a report is dated by: the end of its period, else its publication.
pub fn report_date(report: &Report) -> Option<NaiveDate> {
    report.period.map(|p| p.end).or(report.published)
}

/// What span of time a report covers, as people name it: "tertial 3 2018" rather than
/// "1 september–31 december 2018", when the period is exactly one of the spans reports are made for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodName {
    /// January–April, May–August or September–December: 1, 2 or 3.
    Tertial(u8, i32),
    /// 1 to 4.
    Quarter(u8, i32),
    Half(u8, i32),
    Year(i32),
    /// Any other span, both days included.
    Days(NaiveDate, NaiveDate),
}

impl PeriodName {
    pub fn of(period: ReportPeriod) -> PeriodName {
        use chrono::Datelike;
        let (start, end) = (period.start, period.end);
        let year = start.year();
        // The month after the last one, to compare spans by their lengths in months.
        let months = (end.year() - year) * 12 + end.month() as i32 - start.month() as i32 + 1;
        let month_end = end.succ_opt().is_some_and(|next| next.day() == 1);
        let whole = start.day() == 1 && month_end && end.year() == year;
        let part = |length: u32| -> Option<u8> {
            let begins_a_part = (start.month() - 1) % length == 0;
            (whole && months == length as i32 && begins_a_part)
                .then(|| ((start.month() - 1) / length + 1) as u8)
        };
        if part(12).is_some() {
            PeriodName::Year(year)
        } else if let Some(n) = part(4) {
            PeriodName::Tertial(n, year)
        } else if let Some(n) = part(6) {
            PeriodName::Half(n, year)
        } else if let Some(n) = part(3) {
            PeriodName::Quarter(n, year)
        } else {
            PeriodName::Days(start, end)
        }
    }
}

/// Which of two reports of one agreement is the later: by date; a report without one is
/// taken as older than any dated one; between reports alike in that, the one listed first
/// (the lists are newest first).
fn later(a: (usize, &Report), b: (usize, &Report)) -> Ordering {
    report_date(a.1).cmp(&report_date(b.1)).then(b.0.cmp(&a.0))
}

/// Every report that speaks of an activity (with its place in the agreement's list) and what
/// it says, newest first.
fn statuses_newest_first<'a>(
    agreement: &'a Agreement,
    activity_id: &str,
) -> Vec<(usize, &'a Report, &'a ActivityStatus)> {
    let reports = agreement.follow_up.iter().flat_map(|f| &f.reports);
    let mut found: Vec<(usize, &Report, &ActivityStatus)> = reports
        .enumerate()
        .filter_map(|(i, report)| {
            let status = report.statuses.iter().find(|s| s.activity == activity_id)?;
            Some((i, report, status))
        })
        .collect();
    found.sort_by(|a, b| later((b.0, b.1), (a.0, a.1)));
    found
}

/// The latest report that speaks of the activity, and what it says; None when no report
/// does ("Ingen uppföljning publicerad").
pub fn activity_status<'a>(
    agreement: &'a Agreement,
    activity_id: &str,
) -> Option<(&'a Report, &'a ActivityStatus)> {
    statuses_newest_first(agreement, activity_id)
        .into_iter()
        .next()
        .map(|(_, report, status)| (report, status))
}

/// What earlier reports said of the activity, newest first, without the latest (which
/// [`activity_status`] gives).
pub fn history<'a>(
    agreement: &'a Agreement,
    activity_id: &str,
) -> Vec<(&'a Report, &'a ActivityStatus)> {
    statuses_newest_first(agreement, activity_id)
        .into_iter()
        .skip(1)
        .map(|(_, report, status)| (report, status))
        .collect()
}

/// Where a promise's activities stand by their latest reports: "3 av 5 aktiviteter
/// genomförda enligt uppföljningen tertial 3 2018".
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PromiseSummary<'a> {
    /// Activities whose latest status is done.
    pub done: usize,
    /// Activities some report speaks of.
    pub followed_up: usize,
    /// All the promise's activities.
    pub of: usize,
    /// The latest of its activities' latest reports; None when no report speaks of any.
    pub latest: Option<&'a Report>,
}

/// How many of a promise's activities (those whose `promise` is its id) are done by their
/// latest reports, of how many, and which report is the latest of those.
pub fn promise_summary<'a>(agreement: &'a Agreement, promise_id: &str) -> PromiseSummary<'a> {
    let mut summary = PromiseSummary {
        done: 0,
        followed_up: 0,
        of: 0,
        latest: None,
    };
    let mut latest: Option<(usize, &Report)> = None;
    for activity in agreement.activities_for(promise_id) {
        summary.of += 1;
        let newest = statuses_newest_first(agreement, &activity.id)
            .into_iter()
            .next();
        let Some((position, report, status)) = newest else {
            continue;
        };
        summary.followed_up += 1;
        if status.status == Progress::Done {
            summary.done += 1;
        }
        if latest.is_none_or(|l| later((position, report), l) == Ordering::Greater) {
            latest = Some((position, report));
        }
    }
    summary.latest = latest.map(|(_, report)| report);
    summary
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_period_is_named_as_reports_name_it() {
        let named = |start: &str, end: &str| {
            PeriodName::of(ReportPeriod {
                start: start.parse().unwrap(),
                end: end.parse().unwrap(),
            })
        };
        for (start, end, name) in [
            ("2018-09-01", "2018-12-31", PeriodName::Tertial(3, 2018)),
            ("2019-01-01", "2019-04-30", PeriodName::Tertial(1, 2019)),
            ("2019-05-01", "2019-08-31", PeriodName::Tertial(2, 2019)),
            ("2020-04-01", "2020-06-30", PeriodName::Quarter(2, 2020)),
            ("2020-01-01", "2020-03-31", PeriodName::Quarter(1, 2020)),
            ("2020-07-01", "2020-12-31", PeriodName::Half(2, 2020)),
            ("2021-01-01", "2021-12-31", PeriodName::Year(2021)),
        ] {
            assert_eq!(named(start, end), name, "{start}–{end}");
        }
        // Not a whole part: the days themselves.
        for (start, end) in [
            ("2018-09-02", "2018-12-31"),
            ("2018-09-01", "2018-12-30"),
            ("2018-02-01", "2018-05-31"),
            ("2018-09-01", "2019-04-30"),
            ("2018-03-01", "2018-03-31"),
        ] {
            assert_eq!(
                named(start, end),
                PeriodName::Days(start.parse().unwrap(), end.parse().unwrap()),
                "{start}–{end}"
            );
        }
    }

    #[test]
    fn every_status_has_its_word_and_labels() {
        let named: Vec<(&str, &str, &str)> = Progress::ALL
            .iter()
            .map(|p| (p.word(), p.label_sv(), p.label_en()))
            .collect();
        assert_eq!(
            named,
            [
                ("done", "Genomförd", "Done"),
                ("ongoing", "Pågår", "Ongoing"),
                ("partly", "Delvis genomförd", "Partly done"),
                ("not-started", "Ej påbörjad", "Not started"),
                ("not-done", "Ej genomförd", "Not done"),
                ("unassessable", "Kan inte bedömas", "Cannot be assessed"),
            ]
        );
        // The word is the one serde writes in the data files.
        for p in Progress::ALL {
            assert_eq!(
                serde_json::to_string(&p).unwrap(),
                format!("\"{}\"", p.word())
            );
        }
    }

    #[test]
    fn a_typed_status_is_its_word_or_a_label_in_any_case() {
        for (typed, expected) in [
            ("done", Progress::Done),
            ("Genomförd", Progress::Done),
            ("GENOMFÖRD", Progress::Done),
            (" genomförd ", Progress::Done),
            ("pågår", Progress::Ongoing),
            ("Delvis  genomförd", Progress::Partly),
            ("Partly done", Progress::Partly),
            ("ej påbörjad", Progress::NotStarted),
            ("NOT-STARTED", Progress::NotStarted),
            ("Not started", Progress::NotStarted),
            ("ej genomförd", Progress::NotDone),
            ("kan inte bedömas", Progress::Unassessable),
            ("Cannot be assessed", Progress::Unassessable),
        ] {
            assert_eq!(Progress::from_typed(typed), Some(expected), "{typed:?}");
        }
        for typed in ["", "klar", "genomfört", "not_done", "ej"] {
            assert_eq!(Progress::from_typed(typed), None, "{typed:?}");
        }
    }
}
