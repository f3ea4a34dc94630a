//! Following a kommun: the button that follows it, and what is new in the kommuner followed
//! since the device last looked. Both need the device's own state, so they show once the page
//! is the device's, and never in a kiosk, where strangers share the screen.

use leptos::prelude::*;
use loften_core::follow::{report_by_key, whats_new, NewItem, NewKind};
use loften_core::published::Need;
use loften_core::route::Route;
use loften_core::storage::Followed;
use loften_core::{Dataset, Kommun};

use crate::catalog::{grow_for, use_catalog};
use crate::components::follow_up::ProgressBadge;
use crate::components::link::Link;
use crate::i18n::{page_lang, td_string};
use crate::state::use_store;

/// Whether following belongs on this page: the device's state is showing, outside a kiosk.
fn can_follow() -> Signal<bool> {
    let kiosk = crate::kiosk::use_kiosk().enabled;
    let on_device = crate::device::use_on_device();
    Signal::derive(move || !kiosk && on_device.get())
}

/// "Följ Jönköpings kommun", pressed while the kommun is followed.
#[component]
pub fn FollowButton(
    /// The kommun to follow.
    kommun: Kommun,
    /// Shows only "Följ" (a row of a list that names the kommun); the name stays whole.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let lang = page_lang();
    let store = use_store();
    let data = use_catalog().data;
    let slug = StoredValue::new(kommun.slug.clone());
    let following = Memo::new(move |_| {
        let slug = slug.read_value();
        store.state.with(|s| s.is_following(&slug))
    });
    let toggle = move |_| {
        let follow = !following.get_untracked();
        store.set_following(&slug.read_value(), follow, &data);
    };
    let name = td_string!(lang, follow_button, kommun = &kommun.name).to_string();
    let (label, text) = if compact {
        (Some(name), td_string!(lang, follow).to_string())
    } else {
        (None, name)
    };
    let shown = can_follow();
    view! {
        <Show when=move || shown.get()>
            <button type="button" class="button button--secondary follow" aria-label=label.clone() aria-pressed=move || following.get().to_string() on:click=toggle.clone()>
                <span aria-hidden="true">{move || if following.get() { "✓ " } else { "+ " }}</span>{text.clone()}
            </button>
        </Show>
    }
}

/// What is new, kommun by kommun, with the kommun: each followed kommun (by slug) with what
/// the device last saw of it.
fn news_of(data: &Dataset, followed: &[Followed]) -> Vec<(Kommun, Vec<NewItem>)> {
    followed
        .iter()
        .filter_map(|f| {
            let kommun = data.kommun_by_slug(&f.kommun)?.clone();
            let items = whats_new(data, &f.kommun, &f.seen);
            (!items.is_empty()).then_some((kommun, items))
        })
        .collect()
}

/// One new thing, as a link to where it is.
#[component]
fn NewThing(item: NewItem, data: std::sync::Arc<Dataset>) -> impl IntoView {
    let lang = page_lang();
    let agreement_of = |id: &str| data.agreement(id).cloned();
    match item.kind {
        NewKind::NewAgreement { agreement } => {
            let name = agreement_of(&agreement)
                .map(|a| a.name())
                .unwrap_or(agreement.clone());
            view! {
                <li><span class="whats-new__kind">{td_string!(lang, new_agreement)}": "</span><Link to=Route::Agreement { id: agreement }>{name}</Link></li>
            }
            .into_any()
        }
        NewKind::NewReport { agreement, report } => {
            let title = agreement_of(&agreement)
                .and_then(|a| report_by_key(&a, &report).map(|r| r.title.clone()))
                .unwrap_or(report);
            view! {
                <li><span class="whats-new__kind">{td_string!(lang, new_report)}": "</span><Link to=Route::Agreement { id: agreement }>{title}</Link></li>
            }
            .into_any()
        }
        NewKind::ChangedStatus {
            agreement,
            activity,
            to,
            ..
        } => {
            let text = agreement_of(&agreement)
                .and_then(|a| {
                    a.activities
                        .iter()
                        .find(|x| x.id == activity)
                        .map(|x| x.text.clone())
                })
                .map(|text| loften_core::text::shorten(&text, 120))
                .unwrap_or(activity.clone());
            view! {
                <li><ProgressBadge status=to/>" "<Link to=Route::Record { agreement, record: activity }>{text}</Link></li>
            }
            .into_any()
        }
    }
}

/// "Nytt sedan ditt senaste besök": for each followed kommun, what the data holds that the
/// device had not seen, and "Markera som läst". With `always`, it also says when nothing is
/// new (the saved page); otherwise it shows only when something is. An installed app's badge
/// counts the new things, where the browser has one.
#[component]
pub fn WhatsNew(
    /// Say so when nothing is new.
    #[prop(optional)]
    always: bool,
) -> impl IntoView {
    let lang = page_lang();
    let store = use_store();
    let followed = Memo::new(move |_| store.state.with(|s| s.followed.clone()));
    // The start page may hold only the search's data: the kommuner followed load beside it.
    let catalog = RwSignal::new(use_catalog());
    let needs = Memo::new(move |_| {
        followed.with(|f| f.iter().map(|f| Need::Kommun(f.kommun.clone())).collect())
    });
    grow_for(catalog, needs);
    let news =
        Memo::new(move |_| catalog.with(|catalog| followed.with(|f| news_of(&catalog.data, f))));
    Effect::new(move |_| {
        set_app_badge(news.with(|n| n.iter().map(|(_, items)| items.len()).sum()))
    });
    let mark_read = move |_| {
        catalog.with_untracked(|c| {
            store.mark_all_seen(&c.data, |kommun| c.covers(&Need::Kommun(kommun.into())))
        })
    };
    let can_follow = can_follow();
    let show = move || {
        can_follow.get() && !followed.with(Vec::is_empty) && (always || !news.with(Vec::is_empty))
    };
    view! {
        <Show when=show>
            <section class="section whats-new" aria-labelledby="whats-new-heading">
                <h2 id="whats-new-heading">{td_string!(lang, whats_new_heading)}</h2>
                {move || {
                    let news = news.get();
                    let data = catalog.with(|c| c.data.clone());
                    if news.is_empty() {
                        return view! { <p class="muted">{td_string!(lang, whats_new_none)}</p> }.into_any();
                    }
                    view! {
                        {news.into_iter().map(|(kommun, items)| view! {
                            <h3>{kommun.name}</h3>
                            <ul class="plain-list whats-new__items">
                                {items.into_iter().map(|item| view! { <NewThing item=item data=data.clone()/> }).collect_view()}
                            </ul>
                        }).collect_view()}
                        <button type="button" class="button button--secondary" on:click=mark_read>{td_string!(lang, mark_read)}</button>
                    }.into_any()
                }}
            </section>
        </Show>
    }
}

/// The installed app's badge: how many new things, or none. Where the browser has no badge
/// (or the page is no installed app) nothing happens, and a refusal is not an error.
fn set_app_badge(count: usize) {
    use wasm_bindgen::JsCast;
    let navigator = window().navigator();
    let method = if count > 0 {
        "setAppBadge"
    } else {
        "clearAppBadge"
    };
    let Ok(function) = js_sys::Reflect::get(&navigator, &method.into()) else {
        return;
    };
    let Some(function) = function.dyn_ref::<js_sys::Function>() else {
        return;
    };
    let result = if count > 0 {
        function.call1(&navigator, &(count as f64).into())
    } else {
        function.call0(&navigator)
    };
    if let Ok(promise) = result.and_then(|r| r.dyn_into::<js_sys::Promise>()) {
        leptos::task::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    }
}
