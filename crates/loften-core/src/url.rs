//! The app's addresses, by hand, since the app should not pay for a URL crate: query strings
//! (percent-encoding), and the paths of the app: which route a path is, the base path the app
//! is hosted under, which link clicks the app's router handles itself, and which link leads to
//! the current page. The router in the app (src/router.rs) is the browser side of this.

/// Percent-encode a query-string component (UTF-8; unreserved characters stay).
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// Decode a query-string component ("+" is a space); invalid escapes are kept as written.
pub fn decode(text: &str) -> String {
    percent_decode(text, true)
}

/// Decode a path segment: like `decode`, but "+" stays "+", as `decodeURIComponent` does.
pub fn decode_segment(text: &str) -> String {
    percent_decode(text, false)
}

fn percent_decode(text: &str, plus_is_space: bool) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' if plus_is_space => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match u8::from_str_radix(
                    std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"),
                    16,
                ) {
                    Ok(b) => {
                        out.push(b);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Pairs of a query string ("?a=1&b=2" or "a=1&b=2"), decoded.
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// "?k=v&k2=v2", or "" when there are no pairs.
pub fn query_string<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let joined: Vec<String> = pairs
        .into_iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect();
    if joined.is_empty() {
        String::new()
    } else {
        format!("?{}", joined.join("&"))
    }
}

/// Named values: a query string's pairs or a route's parameters, in order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Params(pub Vec<(String, String)>);

impl Params {
    /// The first value of `key`.
    pub fn get(&self, key: &str) -> Option<String> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    }
}

/// The app's pages: the routes of DESIGN.md ("Routes and names", a contract), and the page
/// for anything else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    Home,
    Kommuner,
    Kommun,
    Agreement,
    Areas,
    Area,
    Saved,
    About,
    Kiosk,
    NotFound,
}

const ROUTES: [(&str, Route); 9] = [
    ("/", Route::Home),
    ("/kommuner", Route::Kommuner),
    ("/kommun/:slug", Route::Kommun),
    ("/medborgarlofte/:id", Route::Agreement),
    ("/omraden", Route::Areas),
    ("/omrade/:kommun/:area", Route::Area),
    ("/sparade", Route::Saved),
    ("/om", Route::About),
    ("/kiosk", Route::Kiosk),
];

impl Route {
    /// The page for a path within the app ("/kommun/eslov", without the base or the query
    /// string) and its parameters, decoded. One trailing slash is allowed.
    pub fn of(path: &str) -> (Route, Params) {
        ROUTES
            .iter()
            .find_map(|(pattern, route)| match_path(pattern, path).map(|params| (*route, params)))
            .unwrap_or((Route::NotFound, Params::default()))
    }
}

fn segments(path: &str) -> impl Iterator<Item = &str> {
    let path = path.strip_prefix('/').unwrap_or(path);
    let path = path.strip_suffix('/').unwrap_or(path);
    path.split('/').filter(move |_| !path.is_empty())
}

/// Match a pattern ("/kommun/:slug") against a path ("/kommun/eslov"): the parameters, or
/// None. A parameter takes one whole, non-empty segment.
pub fn match_path(pattern: &str, path: &str) -> Option<Params> {
    let mut params = Vec::new();
    let (mut want, mut got) = (segments(pattern), segments(path));
    loop {
        match (want.next(), got.next()) {
            (None, None) => return Some(Params(params)),
            (Some(w), Some(g)) if !g.is_empty() => match w.strip_prefix(':') {
                Some(name) => params.push((name.to_string(), decode_segment(g))),
                None if w == g => {}
                None => return None,
            },
            _ => return None,
        }
    }
}

/// The path within the app for a path of the site: `path` without the `base` the app is
/// hosted under ("" at the root, "/medborgarloften" under a sub-path); None when the path is
/// outside the app.
pub fn strip_base<'a>(base: &str, path: &'a str) -> Option<&'a str> {
    match path.strip_prefix(base)? {
        "" => Some("/"),
        rest if rest.starts_with('/') => Some(rest),
        _ => None,
    }
}

/// A link the router follows itself, as (path, query string, fragment) of the link and of
/// the page shown, with the base: where to go within the app, or None when the browser
/// should: a link outside the app's base, or to a place on this same page (the browser
/// scrolls there; the app has nothing to render).
pub fn in_app_link(base: &str, link: (&str, &str, &str), here: (&str, &str)) -> Option<String> {
    let (path, search, hash) = link;
    let within = strip_base(base, path)?;
    if !hash.is_empty() && (path, search) == here {
        return None;
    }
    Some(format!("{within}{search}{hash}"))
}

/// Whether a link to `href` (within the app) leads to the page shown at `here`, for
/// `aria-current="page"`: the same path, or unless `exact`, a page under it ("/omraden" is
/// current on "/omraden/x"). "/" is current only on itself. A link with a query string or a
/// fragment leads to a state of a page, never to "the page" (as with leptos_router before).
pub fn is_current(here: &str, href: &str, exact: bool) -> bool {
    if href.contains(['?', '#']) {
        return false;
    }
    let (here, there) = (here.trim_end_matches('/'), href.trim_end_matches('/'));
    here == there
        || (!exact
            && !there.is_empty()
            && here
                .strip_prefix(there)
                .is_some_and(|rest| rest.starts_with('/')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_swedish_text() {
        let text = "Öxnehaga torg & 14 kap 1 §";
        assert_eq!(decode(&encode(text)), text);
        assert_eq!(encode("å b"), "%C3%A5+b");
    }

    #[test]
    fn bad_escapes_are_kept() {
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(decode("50%2"), "50%2");
    }

    #[test]
    fn parses_repeated_keys() {
        assert_eq!(
            parse_query("?tema=trafik&tema=narkotika&q=%C3%B6xnehaga"),
            [
                ("tema".into(), "trafik".into()),
                ("tema".into(), "narkotika".into()),
                ("q".into(), "öxnehaga".into())
            ]
        );
    }

    #[test]
    fn every_route_of_the_design() {
        let of = |path: &str| Route::of(path);
        let params = |pairs: &[(&str, &str)]| {
            Params(
                pairs
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
            )
        };
        assert_eq!(of("/"), (Route::Home, params(&[])));
        assert_eq!(of("/kommuner"), (Route::Kommuner, params(&[])));
        assert_eq!(
            of("/kommun/eslov"),
            (Route::Kommun, params(&[("slug", "eslov")]))
        );
        assert_eq!(
            of("/medborgarlofte/jonkoping-2020"),
            (Route::Agreement, params(&[("id", "jonkoping-2020")]))
        );
        assert_eq!(of("/omraden"), (Route::Areas, params(&[])));
        assert_eq!(
            of("/omrade/jonkoping/oxnehaga"),
            (
                Route::Area,
                params(&[("kommun", "jonkoping"), ("area", "oxnehaga")])
            )
        );
        assert_eq!(of("/sparade"), (Route::Saved, params(&[])));
        assert_eq!(of("/om"), (Route::About, params(&[])));
        assert_eq!(of("/kiosk"), (Route::Kiosk, params(&[])));
    }

    #[test]
    fn anything_else_is_not_found() {
        for path in [
            "/finns-inte",
            "/kommun",
            "/kommun/",
            "/kommun/eslov/mer",
            "/omrade/jonkoping",
            "/kommun//eslov",
            "/omx",
            "/kiosk/x",
        ] {
            assert_eq!(Route::of(path).0, Route::NotFound, "{path}");
        }
        // Unknown ids are the page's business: it says which one it does not know.
        assert_eq!(
            Route::of("/medborgarlofte/atlantis-2020").0,
            Route::Agreement
        );
    }

    #[test]
    fn a_trailing_slash_and_encoded_parameters() {
        assert_eq!(Route::of("/kommuner/").0, Route::Kommuner);
        assert_eq!(
            Route::of("/kommun/eslov/").1.get("slug").as_deref(),
            Some("eslov")
        );
        // Path segments decode like decodeURIComponent: "+" is a plus, not a space.
        assert_eq!(
            Route::of("/omrade/j%C3%B6nk+ping/a%20b").1,
            Params(vec![
                ("kommun".into(), "jönk+ping".into()),
                ("area".into(), "a b".into())
            ])
        );
        assert_eq!(Params::default().get("slug"), None);
    }

    #[test]
    fn the_base_path_is_a_whole_segment() {
        assert_eq!(strip_base("", "/kommuner"), Some("/kommuner"));
        assert_eq!(strip_base("", "/"), Some("/"));
        assert_eq!(
            strip_base("/medborgarloften", "/medborgarloften"),
            Some("/")
        );
        assert_eq!(
            strip_base("/medborgarloften", "/medborgarloften/"),
            Some("/")
        );
        assert_eq!(
            strip_base("/medborgarloften", "/medborgarloften/om"),
            Some("/om")
        );
        assert_eq!(strip_base("/medborgarloften", "/medborgarloftenx/om"), None);
        assert_eq!(strip_base("/medborgarloften", "/om"), None);
    }

    #[test]
    fn which_links_the_router_follows() {
        let here = ("/medborgarloften/sparade", "");
        let link = |path, search, hash| in_app_link("/medborgarloften", (path, search, hash), here);
        assert_eq!(
            link("/medborgarloften/kommuner", "", "").as_deref(),
            Some("/kommuner")
        );
        assert_eq!(
            link("/medborgarloften/", "?q=trafik", "").as_deref(),
            Some("/?q=trafik")
        );
        // Another page's record: the router renders that page, which scrolls to the record.
        assert_eq!(
            link(
                "/medborgarloften/medborgarlofte/eslov-2016",
                "",
                "#eslov-2016-a1"
            )
            .as_deref(),
            Some("/medborgarlofte/eslov-2016#eslov-2016-a1")
        );
        // The same page: so is the same page with the same link again.
        assert_eq!(
            link("/medborgarloften/sparade", "", "").as_deref(),
            Some("/sparade")
        );
        // A place on this page (the skip link): the browser's.
        assert_eq!(link("/medborgarloften/sparade", "", "#main"), None);
        assert_eq!(
            link("/medborgarloften/sparade", "?dela=x", "#main").as_deref(),
            Some("/sparade?dela=x#main")
        );
        // Outside the app, on the same origin.
        assert_eq!(link("/annat/sida", "", ""), None);
        assert_eq!(
            in_app_link("", ("/data/x.json", "", ""), ("/", "")).as_deref(),
            Some("/data/x.json")
        );
    }

    #[test]
    fn which_link_is_the_current_page() {
        assert!(is_current("/", "/", true));
        assert!(!is_current("/kommuner", "/", true));
        assert!(
            !is_current("/kommuner", "/", false),
            "'/' is current only on itself"
        );
        assert!(is_current("/kommuner", "/kommuner", false));
        assert!(is_current("/kommuner/", "/kommuner", false));
        assert!(
            !is_current("/kommun/eslov", "/kommuner", false),
            "a whole segment, not a prefix"
        );
        assert!(is_current("/omraden/x", "/omraden", false));
        assert!(!is_current("/omraden/x", "/omraden", true));
        assert!(
            !is_current("/", "/?kommun=eslov", false),
            "a state of a page is not the page"
        );
        assert!(!is_current(
            "/medborgarlofte/a",
            "/medborgarlofte/a#a-l1",
            false
        ));
    }
}
