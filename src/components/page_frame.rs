//! The frame of a simple page: its one `h1` (which receives focus after navigation) and a lead.

use leptos::prelude::*;

/// A page with a heading, an optional lead paragraph, and its content.
#[component]
pub fn PageFrame(
    /// Extra class for the page's wrapper, e.g. "page--kommuner".
    #[prop(into)]
    class: String,
    /// The page's `h1`.
    #[prop(into)]
    heading: String,
    /// The paragraph under the heading.
    #[prop(optional, into)]
    lead: Option<String>,
    children: Children,
) -> impl IntoView {
    view! {
        <div class=format!("page {class}")>
            <h1 tabindex="-1">{heading}</h1>
            {lead.map(|lead| view! { <p class="lead">{lead}</p> })}
            {children()}
        </div>
    }
}
