//! An agreement as a card, the same wherever a list shows one: the search results, a
//! kommun's agreements over time, the kiosk.

use leptos::prelude::*;
use loften_core::route::Route;
use loften_core::{Agreement, AgreementKind};

use crate::components::badges::StatusBadge;
use crate::components::link::Link;
use crate::i18n::{page_lang, td_string};

/// The level of a card's title among the page's headings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TitleLevel {
    /// The cards are the page's main list (the search results).
    H2,
    /// The cards sit under a heading of their own (a kommun's agreements).
    H3,
}

/// An agreement's title, place, period and status, then `body`, what the list shows of an
/// agreement (an announcement says instead that its source has no promises), then `children`.
#[component]
pub fn AgreementCard(
    /// The agreement.
    agreement: Agreement,
    /// Its title's heading level.
    level: TitleLevel,
    /// Whether its title links to its page (the kiosk's card has a link of its own below).
    #[prop(default = true)]
    linked: bool,
    /// What the meta line says before the period ("Jönköping · Jönköpings län"), if anything.
    #[prop(optional, into)]
    place: Option<String>,
    /// The list's own class for the card (`result`, `timeline__item`, `kiosk-card`).
    #[prop(into)]
    class: String,
    /// Beside the title: the "Spara" toggle, where the list offers one.
    #[prop(optional, into)]
    aside: Option<ViewFn>,
    /// What the list shows of an agreement with promises.
    #[prop(into)]
    body: ViewFn,
    /// After that, whatever the agreement's kind.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let lang = page_lang();
    let title_text = agreement.title.clone();
    let title = move || {
        if linked {
            let href = Route::Agreement {
                id: agreement.id.clone(),
            };
            view! { <Link to=href>{title_text.clone()}</Link> }.into_any()
        } else {
            title_text.clone().into_any()
        }
    };
    let title = match level {
        TitleLevel::H2 => view! { <h2 class="card__title" lang="sv">{title()}</h2> }.into_any(),
        TitleLevel::H3 => view! { <h3 class="card__title" lang="sv">{title()}</h3> }.into_any(),
    };
    let head = match aside {
        Some(aside) => view! { <div class="card__head">{title}{aside.run()}</div> }.into_any(),
        None => title,
    };
    let body = if agreement.kind == AgreementKind::Announcement {
        view! { <p class="card__note">{td_string!(lang, announcement_heading)}</p> }.into_any()
    } else {
        body.run()
    };
    let period = agreement.period;
    view! {
        <article class=format!("card {class}")>
            {head}
            <p class="card__meta">
                {place.map(|place| view! { <span lang="sv">{place}</span>" · " })}
                {period.label()}" "<StatusBadge period=period.clone()/>
            </p>
            {body}
            {children.map(|children| children())}
        </article>
    }
}
