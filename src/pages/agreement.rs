//! `/medborgarlofte/:id`: one agreement in full, as the source gives it.

use leptos::prelude::*;
use leptos_router::hooks::use_params;
use leptos_router::params::Params;
use loften_core::model::Cadence;
use loften_core::route::{Feed, Route};
use loften_core::{Agreement, AgreementKind};

use crate::catalog::use_catalog;
use crate::components::badges::StatusBadge;
use crate::components::follow_up::{
    has_statuses, promise_tally, what_reports_say, ActivityFollowUp, ReportList,
};
use crate::components::link::Link;
use crate::components::outbound_link::OutboundLink;
use crate::components::page_meta::PageMeta;
use crate::components::qr::TakeAway;
use crate::components::record::{ActivityItem, PromiseItem};
use crate::components::save::SaveButton;
use crate::i18n::{page_lang, td_string};
use crate::pages::not_found::NotFound;

/// `/medborgarlofte/:id`
#[derive(Params, Clone, Debug, PartialEq)]
struct AgreementParams {
    id: Option<String>,
}

/// The agreement page.
#[component]
pub fn AgreementPage() -> impl IntoView {
    let params = use_params::<AgreementParams>();
    let lang = page_lang();
    view! {
        {move || {
            let id = params.read().as_ref().ok().and_then(|p| p.id.clone()).unwrap_or_default();
            match use_catalog().data.agreement(&id).cloned() {
                Some(agreement) => view! { <AgreementView agreement=agreement/> }.into_any(),
                None => view! { <NotFound detail=td_string!(lang, not_found_agreement, id = &id).to_string()/> }
                    .into_any(),
            }
        }}
    }
}

/// A labelled block of the source's own text, when the source has it.
#[component]
fn SourceText(heading: &'static str, text: Option<String>) -> impl IntoView {
    text.map(|text| {
        view! {
            <section class="section">
                <h2>{heading}</h2>
                {text.split("\n\n").map(|p| view! { <p lang="sv">{p.to_string()}</p> }).collect_view()}
            </section>
        }
    })
}

/// A link to one promise or activity (`#jonkoping-2020-l2`, from the saved page) arrives
/// before the page has rendered it, so the browser cannot scroll there by itself: once the
/// agreement is on screen, scroll to it, mark it and move focus to it.
fn reveal_linked_record() {
    let hash = window().location().hash().unwrap_or_default();
    let Some(id) = hash.strip_prefix('#').filter(|id| !id.is_empty()) else {
        return;
    };
    let Some(target) = document().get_element_by_id(id) else {
        return;
    };
    let _ = target.set_attribute("tabindex", "-1");
    let _ = target.class_list().add_1("is-target");
    target.scroll_into_view();
    if let Ok(target) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(target) {
        let _ = target.focus();
    }
}

#[component]
fn AgreementView(agreement: Agreement) -> impl IntoView {
    let lang = page_lang();
    let data = use_catalog().data;
    // After the heading has taken focus (`app::focus_on_navigate`), a linked record takes it.
    Effect::new(move |_| request_animation_frame(|| request_animation_frame(reveal_linked_record)));
    let title = agreement.name();
    let description = agreement.summary.as_deref().map_or_else(
        || format!("{title}, {}.", agreement.period.label()),
        |summary| loften_core::text::shorten(summary, 160),
    );
    let a = agreement;
    let lan: Vec<String> = data.lan_of(&a).iter().map(|l| l.name.clone()).collect();
    let kommuner: Vec<(String, String)> = a
        .kommuner
        .iter()
        .map(|name| {
            (
                data.kommun_by_name(name)
                    .map(|k| k.slug.clone())
                    .unwrap_or_default(),
                name.clone(),
            )
        })
        .collect();
    // The feed of its kommun (the first it names), whose news it is part of.
    let feed = kommuner
        .first()
        .map_or(Feed::All, |(slug, _)| Feed::of_kommun(&data, slug));
    let kommun_links = move || {
        kommuner
            .iter()
            .enumerate()
            .map(|(i, (slug, name))| {
                let (href, name) = (Route::Kommun { slug: slug.clone() }, name.clone());
                view! { {(i > 0).then_some(", ")}<Link to=href>{name}</Link> }
            })
            .collect_view()
    };
    let is_announcement = a.kind == AgreementKind::Announcement;
    let has_promises = !a.promises.is_empty();
    // Where each activity stands, once some report says how activities went.
    let followed = has_statuses(&a);
    let activity_item = |activity: loften_core::Activity| {
        if followed {
            let (latest, earlier) = what_reports_say(&a, &activity.id);
            view! {
                <li><ActivityItem activity=activity><ActivityFollowUp latest=latest earlier=earlier/></ActivityItem></li>
            }
            .into_any()
        } else {
            view! { <li><ActivityItem activity=activity/></li> }.into_any()
        }
    };
    let promise_blocks = a
        .promises
        .iter()
        .map(|p| {
            let serving: Vec<_> = a.activities_for(&p.id).cloned().collect();
            let tally = followed.then(|| promise_tally(lang, &a, &p.id)).flatten();
            view! {
                <li class="promise-block">
                    <PromiseItem promise=p.clone()/>
                    {tally.map(|tally| view! { <p class="followup__tally">{tally}</p> })}
                    {(!serving.is_empty()).then(|| view! {
                        <ul class="records records--nested" aria-label=td_string!(lang, activities)>
                            {serving.into_iter().map(activity_item).collect_view()}
                        </ul>
                    })}
                </li>
            }
        })
        .collect_view();
    let unlinked: Vec<_> = a.unlinked_activities().cloned().collect();
    let unlinked_heading = if has_promises {
        td_string!(lang, other_activities)
    } else {
        td_string!(lang, commitments)
    };
    let cadence = a.follow_up.as_ref().and_then(|f| f.cadence);
    let cadence_text = cadence.map(|c| match c {
        Cadence::Tertial => td_string!(lang, cadence_tertial),
        Cadence::Kvartal => td_string!(lang, cadence_kvartal),
        Cadence::Ar => td_string!(lang, cadence_ar),
    });
    let follow_up = a
        .follow_up
        .clone()
        .filter(|f| f.cadence.is_some() || f.text.is_some() || !f.reports.is_empty());
    let has_reports = follow_up.as_ref().is_some_and(|f| !f.reports.is_empty());
    let source_href = a
        .source
        .document
        .as_ref()
        .map(|d| format!("data/sources/{d}"));
    let today = crate::device::use_today();
    let dates = {
        let a = a.clone();
        Memo::new(move |_| loften_core::views::agreement_dates(&a, today.get()))
    };
    let kiosk = crate::kiosk::use_kiosk().enabled;
    let page_url = crate::device::use_public_url(Route::Agreement { id: a.id.clone() });

    view! {
        <PageMeta title=title description=description feed=feed/>
        <article class="page page--agreement">
            <p class="breadcrumbs"><Link to=Route::home()>{td_string!(lang, nav_search)}</Link>" › "{kommun_links.clone()}</p>
            <div class="page__head">
                <h1 tabindex="-1" lang="sv">{a.title.clone()}</h1>
                <SaveButton id=a.id.clone() label=loften_core::views::bookmark_label(loften_core::dataset::Located::Agreement(&a))/>
            </div>
            {kiosk.then(|| view! { <TakeAway url=page_url.get()/> })}
            <p class="print-only print-address">{td_string!(lang, print_address)}": "{page_url}</p>
            <dl class="facts">
                <div><dt>{if a.kommuner.len() > 1 { td_string!(lang, kommuner) } else { td_string!(lang, kommun) }}</dt><dd>{kommun_links}</dd></div>
                <div><dt>{td_string!(lang, lan)}</dt><dd>{lan.join(", ")}</dd></div>
                <div><dt>{td_string!(lang, lokalpolisomrade)}</dt><dd lang="sv">{a.lokalpolisomrade.clone().unwrap_or_else(|| td_string!(lang, not_stated).to_string())}</dd></div>
                <div><dt>{td_string!(lang, period)}</dt><dd>{a.period.label()}" "<StatusBadge period=a.period.clone()/></dd></div>
                {move || dates.get().ends.map(|ends| view! { <div><dt>{td_string!(lang, ends)}</dt><dd>{crate::i18n::ends_text(lang, ends)}</dd></div> })}
                {move || dates.get().next_follow_up.map(|span| view! { <div><dt>{td_string!(lang, next_follow_up)}</dt><dd>{crate::i18n::span_text(lang, span)}</dd></div> })}
                <div><dt>{td_string!(lang, signed)}</dt><dd>{a.signed.map_or_else(|| td_string!(lang, not_stated).to_string(), |d| crate::i18n::date(lang, d))}</dd></div>
            </dl>
            {is_announcement.then(|| view! {
                <div class="notice notice--info" role="note">
                    <h2>{td_string!(lang, announcement_heading)}</h2>
                    <p>{td_string!(lang, announcement_text)}</p>
                </div>
            })}
            <SourceText heading=td_string!(lang, summary) text=a.summary.clone()/>
            <SourceText heading=td_string!(lang, situation) text=a.situation.clone()/>
            {(!a.priorities.is_empty()).then(|| view! {
                <section class="section">
                    <h2>{td_string!(lang, priorities)}</h2>
                    <ul class="plain-list">{a.priorities.iter().map(|p| view! { <li lang="sv">{p.clone()}</li> }).collect_view()}</ul>
                </section>
            })}
            {has_promises.then(|| view! {
                <section class="section">
                    <h2>{td_string!(lang, promises)}</h2>
                    <ol class="promises">{promise_blocks}</ol>
                </section>
            })}
            {(!unlinked.is_empty()).then(|| view! {
                <section class="section">
                    <h2>{unlinked_heading}</h2>
                    <ul class="records">{unlinked.into_iter().map(activity_item).collect_view()}</ul>
                </section>
            })}
            <SourceText heading=td_string!(lang, effect) text=a.effect.clone()/>
            {follow_up.map(|f| view! {
                <section class="section">
                    <h2>{td_string!(lang, follow_up)}</h2>
                    {cadence_text.map(|c| view! { <p><strong>{c}</strong></p> })}
                    {f.text.map(|text| view! { <p lang="sv">{text}</p> })}
                    {has_reports.then(|| view! {
                        <h3>{td_string!(lang, reports)}</h3>
                        <ReportList agreement=a.clone()/>
                    })}
                </section>
            })}
            {(!a.signatories.is_empty()).then(|| view! {
                <section class="section">
                    <h2>{td_string!(lang, signatories)}</h2>
                    <ul class="plain-list signatories">
                        {a.signatories.iter().map(|s| {
                            let details: Vec<String> = [s.role.clone(), s.organisation.clone()].into_iter().flatten().collect();
                            view! { <li lang="sv"><strong>{s.name.clone()}</strong>{(!details.is_empty()).then(|| format!(", {}", details.join(", ")))}</li> }
                        }).collect_view()}
                    </ul>
                </section>
            })}
            <section class="section source">
                <h2>{td_string!(lang, source)}</h2>
                <p lang="sv">{a.source.title.clone()}{a.source.publisher.clone().map(|p| format!(" ({p})"))}</p>
                {a.source.url.clone().map(|url| view! { <OutboundLink href=url text=td_string!(lang, source).to_string()/> })}
                {source_href.map(|href| view! { <OutboundLink href=href text=td_string!(lang, source_file).to_string()/> })}
                <OutboundLink href="data/medborgarloften.json".to_string() text=td_string!(lang, open_data_link).to_string()/>
            </section>
            {a.notes.clone().map(|notes| view! {
                <section class="section">
                    <h2>{td_string!(lang, notes)}</h2>
                    <p lang="sv">{notes}</p>
                </section>
            })}
        </article>
    }
}
