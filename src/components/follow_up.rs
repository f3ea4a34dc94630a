//! What follow-up reports say: an activity's latest status with its history, a promise's tally
//! of its activities, and an agreement's reports. An activity no report speaks of says
//! "Ingen uppföljning publicerad", never that it was not done.

use leptos::prelude::*;
use loften_core::followups::{activity_status, history, promise_summary, PeriodName};
use loften_core::{ActivityStatus, Agreement, DoneCount, Report};

use crate::components::outbound_link::OutboundLink;
use crate::i18n::{page_lang, td_string, Lang};

/// Whether any report of the agreement says how an activity went: only then do its activities
/// and promises show where each stands (every one would otherwise read "no follow-up").
pub fn has_statuses(agreement: &Agreement) -> bool {
    reports(agreement).any(|r| !r.statuses.is_empty())
}

fn reports(agreement: &Agreement) -> impl Iterator<Item = &Report> {
    agreement.follow_up.iter().flat_map(|f| &f.reports)
}

/// A report as a sentence names it: "uppföljningen tertial 3 2018", else its own title.
pub fn report_name(lang: Lang, report: &Report) -> String {
    match report.period {
        Some(period) => {
            let period = crate::i18n::period_name(lang, PeriodName::of(period));
            td_string!(lang, followup_report, period = period).to_string()
        }
        None => report.title.clone(),
    }
}

/// "52 av 100 trafikkontroller", "12 trygghetsvandringar": only the numbers the report gives.
fn count_text(lang: Lang, count: &DoneCount) -> Option<String> {
    let numbers = match (count.done, count.of) {
        (Some(done), Some(of)) => td_string!(lang, done_count, done = done, of = of).to_string(),
        (Some(done), None) => done.to_string(),
        (None, _) => return None,
    };
    Some(match &count.unit {
        Some(unit) => format!("{numbers} {unit}"),
        None => numbers,
    })
}

/// A status badge, "Genomförd", coloured by what it says.
#[component]
pub fn ProgressBadge(status: loften_core::Progress) -> impl IntoView {
    let lang = page_lang();
    view! {
        <span class=format!("badge badge--progress-{}", status.word())>{crate::i18n::progress(lang, status)}</span>
    }
}

/// What one report said of an activity: its status, by which report, the count and the
/// report's own words.
#[component]
fn StatusLine(report: Report, status: ActivityStatus) -> impl IntoView {
    let lang = page_lang();
    let by = td_string!(lang, followup_by, report = report_name(lang, &report)).to_string();
    let count = status.count.as_ref().and_then(|c| count_text(lang, c));
    view! {
        <p class="followup__status"><ProgressBadge status=status.status/>" "{by}</p>
        {count.map(|count| view! { <p class="followup__count" lang="sv">{count}</p> })}
        {status.text.map(|text| view! { <blockquote class="followup__text" lang="sv">{text}</blockquote> })}
    }
}

/// A report and what it says of one activity.
pub type Said = (Report, ActivityStatus);

/// What the agreement's reports say of an activity: the latest, then the earlier ones.
pub fn what_reports_say(agreement: &Agreement, activity: &str) -> (Option<Said>, Vec<Said>) {
    let owned = |(r, s): (&Report, &ActivityStatus)| (r.clone(), s.clone());
    let latest = activity_status(agreement, activity).map(owned);
    (
        latest,
        history(agreement, activity)
            .into_iter()
            .map(owned)
            .collect(),
    )
}

/// An activity's latest status and what earlier reports said; or that none is published.
#[component]
pub fn ActivityFollowUp(
    /// The latest report that speaks of the activity, and what it says.
    latest: Option<Said>,
    /// What earlier reports said, newest first.
    earlier: Vec<Said>,
) -> impl IntoView {
    let lang = page_lang();
    let Some((report, status)) = latest else {
        return view! { <div class="followup followup--none"><p>{crate::i18n::status_filter(lang, loften_core::StatusFilter::NotFollowedUp)}</p></div> }.into_any();
    };
    view! {
        <div class="followup">
            <StatusLine report=report status=status/>
            {(!earlier.is_empty()).then(|| view! {
                <details class="followup__history">
                    <summary>{td_string!(lang, earlier_followups)}" ("{earlier.len()}")"</summary>
                    <ul class="plain-list">
                        {earlier.into_iter().map(|(report, status)| view! { <li><StatusLine report=report status=status/></li> }).collect_view()}
                    </ul>
                </details>
            })}
        </div>
    }
    .into_any()
}

/// "3 av 5 aktiviteter genomförda enligt uppföljningen tertial 3 2018", or that no report
/// speaks of any of the promise's activities.
pub fn promise_tally(lang: Lang, agreement: &Agreement, promise: &str) -> Option<String> {
    let summary = promise_summary(agreement, promise);
    if summary.of == 0 {
        return None;
    }
    Some(match summary.latest {
        Some(report) => td_string!(
            lang,
            promise_tally,
            count = summary.of,
            done = summary.done,
            report = report_name(lang, report)
        )
        .to_string(),
        None => {
            crate::i18n::status_filter(lang, loften_core::StatusFilter::NotFollowedUp).to_string()
        }
    })
}

/// The agreement's follow-up reports, newest first: title, when, where to read it, and
/// whether it says how each activity went.
#[component]
pub fn ReportList(agreement: Agreement) -> impl IntoView {
    let lang = page_lang();
    let items = reports(&agreement)
        .map(|report| {
            let published = report
                .published
                .map(|day| td_string!(lang, report_published, date = crate::i18n::date(lang, day)).to_string());
            let when = report
                .period
                .map(|p| crate::i18n::period_name(lang, PeriodName::of(p)))
                .into_iter()
                .chain(published)
                .collect::<Vec<_>>()
                .join(", ");
            let href = report
                .url
                .clone()
                .or_else(|| report.document.as_ref().map(|d| format!("data/sources/{d}")));
            let no_statuses = report.statuses.is_empty();
            view! {
                <li class="report">
                    <p lang="sv"><strong>{report.title.clone()}</strong></p>
                    {(!when.is_empty()).then(|| view! { <p class="muted">{when}</p> })}
                    {no_statuses.then(|| view! { <p class="muted">{td_string!(lang, report_no_statuses)}</p> })}
                    {href.map(|href| view! { <OutboundLink href=href text=td_string!(lang, report_link).to_string()/> })}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="plain-list reports">{items}</ul> }
}

/// One activity in a summary: where it stands, then its text shortened to a line or two.
#[component]
fn ActivityOutcome(status: Option<loften_core::Progress>, text: String) -> impl IntoView {
    let lang = page_lang();
    view! {
        <li class="outcome__activity">
            {match status {
                Some(status) => view! { <ProgressBadge status=status/> }.into_any(),
                None => view! {
                    <span class="badge badge--progress-none">{crate::i18n::status_filter(lang, loften_core::StatusFilter::NotFollowedUp)}</span>
                }.into_any(),
            }}
            " "<span lang="sv">{loften_core::text::shorten(&text, 160)}</span>
        </li>
    }
}

/// How much of where an agreement stands a summary shows.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// The promises alone: what is promised now.
    Promises,
    /// Each promise with its tally.
    Tallies,
    /// Each promise with its tally, and each activity with its status.
    Activities,
}

/// What an agreement promised and, as `detail` asks, where it stands by its follow-ups. An
/// agreement without promises lists its activities.
#[component]
pub fn Outcome(agreement: Agreement, detail: Detail) -> impl IntoView {
    let lang = page_lang();
    let activity_list = {
        let agreement = agreement.clone();
        move |list: Vec<loften_core::Activity>| {
            let items = list
                .into_iter()
                .map(|activity| {
                    let status = activity_status(&agreement, &activity.id).map(|(_, s)| s.status);
                    view! { <ActivityOutcome status=status text=activity.text/> }
                })
                .collect_view();
            view! { <ul class="outcome__activities">{items}</ul> }
        }
    };
    let activities = detail == Detail::Activities;
    let promises = agreement
        .promises
        .iter()
        .map(|promise| {
            let tally = (detail != Detail::Promises)
                .then(|| promise_tally(lang, &agreement, &promise.id))
                .flatten();
            let serving: Vec<_> = agreement.activities_for(&promise.id).cloned().collect();
            let list = activities.then(|| activity_list.clone()(serving));
            view! {
                <li class="outcome__promise">
                    <p lang="sv"><strong>{promise.text.clone()}</strong></p>
                    {tally.map(|tally| view! { <p class="followup__tally">{tally}</p> })}
                    {list}
                </li>
            }
        })
        .collect_view();
    let unlinked: Vec<_> = agreement.unlinked_activities().cloned().collect();
    let has_promises = !agreement.promises.is_empty();
    let unlinked = (!unlinked.is_empty() && (activities || !has_promises)).then(|| {
        view! {
            {has_promises.then(|| view! { <p><strong>{td_string!(lang, other_activities)}</strong></p> })}
            {activity_list(unlinked)}
        }
    });
    view! {
        <ul class="plain-list outcome">{promises}</ul>
        {unlinked}
    }
}

/// An agreement under a heading: a link to it, then `Outcome` as `detail` asks.
#[component]
pub fn AgreementOutcome(
    /// What the section says of the agreement ("Det som lovades 2020").
    heading: String,
    agreement: Agreement,
    detail: Detail,
) -> impl IntoView {
    let (route, name) = (
        loften_core::route::Route::Agreement {
            id: agreement.id.clone(),
        },
        agreement.name(),
    );
    view! {
        <h2>{heading}</h2>
        <p><crate::components::link::Link to=route>{name}</crate::components::link::Link></p>
        <Outcome agreement=agreement detail=detail/>
    }
}
