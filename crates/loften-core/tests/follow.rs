//! Following a kommun over the real data, changed the way new data changes it: what a device
//! records when it follows a kommun, and what it then lists as new.

mod common;

use chrono::NaiveDate;
use loften_core::follow::{
    agreement_news_date, report_by_key, report_key, report_news_date, seen_now, whats_new, NewItem,
    NewKind, Seen,
};
use loften_core::storage::{self, UserState};
use loften_core::{ActivityStatus, Agreement, Dataset, FollowUp, Progress, Report, ReportPeriod};

fn day(text: &str) -> NaiveDate {
    text.parse().expect("an ISO date")
}

fn agreement<'a>(data: &'a mut Dataset, id: &str) -> &'a mut Agreement {
    data.agreements
        .iter_mut()
        .find(|a| a.id == id)
        .unwrap_or_else(|| panic!("{id} is in data/"))
}

fn status(activity: &str, status: Progress) -> ActivityStatus {
    ActivityStatus {
        activity: activity.into(),
        status,
        text: None,
        count: None,
    }
}

/// A report `id` of the agreement whose id it starts with, published on `published`, with
/// statuses of that agreement's activities (by their number: `a1`).
fn report(id: &str, published: &str, statuses: &[(&str, Progress)]) -> Report {
    let agreement_id = id.rsplit_once('-').expect("an id ending in -r1").0;
    Report {
        id: Some(id.into()),
        title: format!("Uppföljning {id}"),
        published: Some(day(published)),
        statuses: statuses
            .iter()
            .map(|(activity, progress)| status(&format!("{agreement_id}-{activity}"), *progress))
            .collect(),
        ..Report::default()
    }
}

/// Add a report to its agreement, first in its list (the lists are newest first).
fn add_report(data: &mut Dataset, new: Report) {
    let agreement_id = new
        .id
        .as_deref()
        .and_then(|id| id.rsplit_once('-'))
        .expect("an id ending in -r1")
        .0
        .to_string();
    add_report_to(data, &agreement_id, new);
}

/// Add a report to an agreement, first in its list.
fn add_report_to(data: &mut Dataset, agreement_id: &str, new: Report) {
    let follow_up = agreement(data, agreement_id)
        .follow_up
        .get_or_insert(FollowUp {
            cadence: None,
            text: None,
            reports: vec![],
        });
    follow_up.reports.insert(0, new);
}

/// A copy of an agreement under another id and kommuner, signed on `signed`.
fn new_agreement(data: &mut Dataset, like: &str, id: &str, kommuner: &[&str], signed: &str) {
    let mut copy = agreement(data, like).clone();
    let old_id = copy.id.clone();
    copy.id = id.into();
    copy.kommuner = kommuner.iter().map(|k| k.to_string()).collect();
    copy.signed = Some(day(signed));
    copy.follow_up = None;
    for activity in &mut copy.activities {
        activity.id = activity.id.replacen(&old_id, id, 1);
        activity.promise = None;
    }
    copy.promises.clear();
    data.agreements.insert(0, copy);
}

/// Jönköping's agreement of 2021, like that of 2020, signed on 1 February 2021.
fn add_jonkoping_2021(data: &mut Dataset) {
    new_agreement(
        data,
        "jonkoping-2020",
        "jonkoping-2021",
        &["Jönköping"],
        "2021-02-01",
    );
}

/// The real data with a first follow-up report on Jönköping's agreement of 2020.
fn before() -> Dataset {
    let mut data = common::real_data();
    add_report(
        &mut data,
        report(
            "jonkoping-2020-r1",
            "2020-05-15",
            &[("a1", Progress::Ongoing), ("a2", Progress::NotStarted)],
        ),
    );
    data
}

fn kinds(items: &[NewItem]) -> Vec<&NewKind> {
    items.iter().map(|item| &item.kind).collect()
}

#[test]
fn following_a_kommun_lists_nothing_new_on_that_visit() {
    let data = before();
    for kommun in &data.kommuner {
        let mut state = UserState::default();
        assert!(state.follow(&kommun.slug, seen_now(&data, &kommun.slug)));
        let seen = state.seen(&kommun.slug).expect("followed");
        assert_eq!(whats_new(&data, &kommun.slug, seen), [], "{}", kommun.slug);
    }
    // What is recorded is what there is: Jönköping's agreements, reports and statuses.
    let seen = seen_now(&data, "jonkoping");
    assert_eq!(
        seen.agreements,
        ["jonkoping-2016", "jonkoping-2018-2019", "jonkoping-2020"]
    );
    assert_eq!(seen.reports.len(), 3);
    assert!(seen.reports.contains(&"jonkoping-2020-r1".to_string()));
    assert_eq!(
        seen.statuses.get("jonkoping-2020-a1"),
        Some(&Progress::Ongoing)
    );
    assert_eq!(seen.statuses.len(), 2);
}

#[test]
fn a_new_agreement_report_and_status_are_exactly_what_is_new() {
    let seen = seen_now(&before(), "jonkoping");
    let mut after = before();
    add_jonkoping_2021(&mut after);
    // The second report: one activity done, the other as it was.
    add_report(
        &mut after,
        report(
            "jonkoping-2020-r2",
            "2020-12-01",
            &[("a1", Progress::Done), ("a2", Progress::NotStarted)],
        ),
    );
    // Another kommun's agreement is not news here.
    new_agreement(
        &mut after,
        "eslov-2017",
        "eslov-2021",
        &["Eslöv"],
        "2021-03-01",
    );

    let items = whats_new(&after, "jonkoping", &seen);
    assert_eq!(
        kinds(&items),
        [
            &NewKind::NewAgreement {
                agreement: "jonkoping-2021".into()
            },
            &NewKind::NewReport {
                agreement: "jonkoping-2020".into(),
                report: "jonkoping-2020-r2".into()
            },
            &NewKind::ChangedStatus {
                agreement: "jonkoping-2020".into(),
                activity: "jonkoping-2020-a1".into(),
                report: "jonkoping-2020-r2".into(),
                from: Some(Progress::Ongoing),
                to: Progress::Done,
            },
        ]
    );
    let dates: Vec<NaiveDate> = items.iter().map(|item| item.date).collect();
    assert_eq!(
        dates,
        [day("2021-02-01"), day("2020-12-01"), day("2020-12-01")]
    );
    // Marked as read, nothing is new.
    assert_eq!(
        whats_new(&after, "jonkoping", &seen_now(&after, "jonkoping")),
        []
    );
    // Eslöv's new agreement is Eslöv's news.
    assert_eq!(
        kinds(&whats_new(&after, "eslov", &seen_now(&before(), "eslov"))),
        [&NewKind::NewAgreement {
            agreement: "eslov-2021".into()
        }]
    );
}

#[test]
fn a_first_status_is_a_change_from_none_and_a_new_agreement_brings_its_own() {
    let seen = seen_now(&before(), "jonkoping");
    let mut after = before();
    // The report already seen now also speaks of a third activity (a status filled in later).
    let first = &mut agreement(&mut after, "jonkoping-2020")
        .follow_up
        .as_mut()
        .expect("a follow-up")
        .reports[0];
    first
        .statuses
        .push(status("jonkoping-2020-a3", Progress::Partly));
    // A new agreement's reports and statuses are not listed apart from it.
    add_jonkoping_2021(&mut after);
    add_report(
        &mut after,
        report("jonkoping-2021-r1", "2021-06-01", &[("a1", Progress::Done)]),
    );
    assert_eq!(
        kinds(&whats_new(&after, "jonkoping", &seen)),
        [
            &NewKind::NewAgreement {
                agreement: "jonkoping-2021".into()
            },
            &NewKind::ChangedStatus {
                agreement: "jonkoping-2020".into(),
                activity: "jonkoping-2020-a3".into(),
                report: "jonkoping-2020-r1".into(),
                from: None,
                to: Progress::Partly,
            },
        ]
    );
}

#[test]
fn removed_items_are_not_new() {
    let seen = seen_now(&before(), "jonkoping");
    let mut after = before();
    after.agreements.retain(|a| a.id != "jonkoping-2016");
    // A report the source withdrew, and every status it gave.
    agreement(&mut after, "jonkoping-2018-2019")
        .follow_up
        .as_mut()
        .expect("a follow-up")
        .reports
        .pop();
    agreement(&mut after, "jonkoping-2020")
        .activities
        .retain(|a| a.id != "jonkoping-2020-a2");
    assert_eq!(whats_new(&after, "jonkoping", &seen), []);
}

#[test]
fn an_agreement_of_several_kommuner_is_news_in_each_and_nowhere_else() {
    let data = before();
    let seen: Vec<(String, Seen)> = data
        .kommuner
        .iter()
        .map(|k| (k.slug.clone(), seen_now(&data, &k.slug)))
        .collect();
    let mut after = before();
    new_agreement(
        &mut after,
        "jamtlands-lan-2017",
        "are-krokom-2021",
        &["Åre", "Krokom"],
        "2021-01-10",
    );
    for (slug, seen) in &seen {
        let news = whats_new(&after, slug, seen);
        if ["are", "krokom"].contains(&slug.as_str()) {
            assert_eq!(
                kinds(&news),
                [&NewKind::NewAgreement {
                    agreement: "are-krokom-2021".into()
                }],
                "{slug}"
            );
        } else {
            assert_eq!(news, [], "{slug}");
        }
    }
    // A slug the data does not know has nothing, and nothing new.
    assert_eq!(seen_now(&after, "atlantis"), Seen::default());
    assert_eq!(whats_new(&after, "atlantis", &Seen::default()), []);
}

#[test]
fn what_was_seen_lists_the_same_after_it_is_stored_and_read_again() {
    let mut state = UserState::default();
    state.follow("jonkoping", seen_now(&before(), "jonkoping"));
    state.follow("eslov", seen_now(&before(), "eslov"));
    let text = storage::encode(&state);
    let decoded = storage::decode(Some(&text));
    assert_eq!((decoded.notice, decoded.keep_aside), (None, None));
    assert_eq!(decoded.state, state);
    assert_eq!(storage::encode(&decoded.state), text);

    let mut after = before();
    add_report(
        &mut after,
        report("jonkoping-2020-r2", "2020-12-01", &[("a2", Progress::Done)]),
    );
    let seen = decoded.state.seen("jonkoping").expect("followed");
    assert_eq!(
        whats_new(&after, "jonkoping", seen),
        whats_new(
            &after,
            "jonkoping",
            state.seen("jonkoping").expect("followed")
        )
    );
    assert_eq!(whats_new(&after, "jonkoping", seen).len(), 2);

    // The same data in another order is seen as the same.
    let mut shuffled = before();
    shuffled.agreements.reverse();
    assert_eq!(
        seen_now(&shuffled, "jonkoping"),
        seen_now(&before(), "jonkoping")
    );
}

#[test]
fn reports_without_ids_are_known_by_their_titles() {
    let data = before();
    let older = data.agreement("jonkoping-2018-2019").expect("in data/");
    let first = &older.follow_up.as_ref().expect("reports").reports[0];
    assert_eq!(first.id, None);
    let key = report_key(older, first);
    assert_eq!(key, format!("jonkoping-2018-2019#{}", first.title));
    assert_eq!(report_by_key(older, &key), Some(first));
    assert!(seen_now(&data, "jonkoping").reports.contains(&key));

    let seen = seen_now(&data, "jonkoping");
    let mut after = before();
    let untitled = Report {
        title: "Uppföljning av medborgarlöfte för Jönköpings kommun, tertial 2 2019".into(),
        ..Report::default()
    };
    add_report_to(&mut after, "jonkoping-2018-2019", untitled.clone());
    let items = whats_new(&after, "jonkoping", &seen);
    assert_eq!(
        kinds(&items),
        [&NewKind::NewReport {
            agreement: "jonkoping-2018-2019".into(),
            report: format!("jonkoping-2018-2019#{}", untitled.title),
        }]
    );
    // Neither signed nor dated: the report has its agreement's day, 1 January of its first
    // year.
    assert_eq!(items[0].date, day("2018-01-01"));
}

#[test]
fn the_days_an_agreement_and_a_report_became_news() {
    let mut data = before();
    let a = agreement(&mut data, "eslov-2016");
    assert_eq!(agreement_news_date(a), day("2016-04-07"), "signed");
    a.signed = None;
    a.period.start = Some(day("2016-03-01"));
    assert_eq!(
        agreement_news_date(a),
        day("2016-03-01"),
        "its period's start"
    );
    a.period.start = None;
    assert_eq!(agreement_news_date(a), day("2016-01-01"), "its first year");

    let mut r = report("eslov-2016-r1", "2016-10-01", &[]);
    r.period = Some(ReportPeriod {
        start: day("2016-05-01"),
        end: day("2016-08-31"),
    });
    assert_eq!(report_news_date(a, &r), day("2016-10-01"), "published");
    r.published = None;
    assert_eq!(
        report_news_date(a, &r),
        day("2016-08-31"),
        "its period's end"
    );
    r.period = None;
    assert_eq!(
        report_news_date(a, &r),
        day("2016-01-01"),
        "its agreement's"
    );
}
