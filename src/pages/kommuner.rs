//! `/kommuner`: all 290 kommuner by län, each with its number of agreements.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::link_to;
use loften_core::views::kommuner_by_lan;

use crate::components::layout::set_title;
use crate::components::with_catalog::with_catalog;
use crate::i18n::use_texts;

/// The kommun list.
#[component]
pub fn KommunerPage() -> impl IntoView {
    let t = use_texts();
    set_title(t.kommuner_heading);
    with_catalog(move |catalog| {
        let groups = kommuner_by_lan(&catalog.data)
            .into_iter()
            .map(|(lan, kommuner)| {
                let heading_id = format!("lan-{}", lan.code);
                let labelled_by = heading_id.clone();
                let with_data = kommuner.iter().filter(|(_, n)| *n > 0).count();
                let (lan_name, total) = (lan.name.clone(), kommuner.len());
                view! {
                    <section class="lan" aria-labelledby=labelled_by>
                        <h2 id=heading_id>{lan_name}<span class="muted">{format!(" · {with_data}/{total}")}</span></h2>
                        <ul class="kommun-list">
                            {kommuner.into_iter().map(|(k, count)| {
                                let href = format!("/kommun/{}", k.slug);
                                let name = k.short_name.clone();
                                let has_data = count > 0;
                                let count_text = if count == 0 { t.none_in_data.to_string() } else { count.to_string() };
                                view! {
                                    <li class:has-data=has_data>
                                        <A href=link_to(&href)>{name}</A>
                                        <span class="count">{count_text}</span>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </section>
                }
            })
            .collect_view();
        view! {
            <div class="page page--kommuner">
                <h1 tabindex="-1">{t.kommuner_heading}</h1>
                <p class="lead">{t.kommuner_intro}</p>
                {groups}
            </div>
        }
    })
}
