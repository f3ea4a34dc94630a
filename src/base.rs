//! The path the app is hosted under, which the router and every link put before their paths.

use leptos::prelude::*;

/// The path the app is hosted under: "" at the root, "/medborgarloften" under a sub-path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Base(pub String);

impl Base {
    /// Read from `<base href>`, which Trunk writes from `public_url`, so one build can be
    /// hosted wherever its `public_url` says.
    pub fn from_document() -> Base {
        let path = document()
            .base_uri()
            .ok()
            .flatten()
            .and_then(|uri| web_sys::Url::new(&uri).ok())
            .map(|url| url.pathname())
            .unwrap_or_default();
        Base(path.trim_end_matches('/').to_string())
    }

    /// A path of the address bar (which holds the base) as the app's routes read it.
    pub fn path_within<'a>(&self, path: &'a str) -> &'a str {
        path.strip_prefix(self.0.as_str()).unwrap_or(path)
    }

    /// `route`'s path under this base: what a link, the address bar or a share link carries.
    pub fn href(&self, route: &loften_core::route::Route) -> String {
        format!("{}{}", self.0, route.href())
    }

    /// `route`'s whole public address, origin included, for a QR code or a share link.
    pub fn public_url(&self, route: &loften_core::route::Route) -> String {
        let origin = window().location().origin().unwrap_or_default();
        format!("{origin}{}", self.href(route))
    }
}

/// The base path, from the context `App` provides.
pub fn use_base() -> Base {
    expect_context::<Base>()
}
