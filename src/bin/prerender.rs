//! Renders, at build time, every page that reads the same for every visitor, with the app's own
//! components (`loften_core::route::prerendered`), into the folder Trunk built:
//!
//! `prerender DIST PUBLIC_URL` (`scripts/build.sh` runs it; `SITE_URL=https://… ` adds the
//! address-dependent preview tags).
//!
//! Trunk's `index.html` is the template and becomes `shell.html`, the page for every path
//! without one of its own: its body holds only a loading notice, and there the browser mounts
//! the app instead of hydrating. Each page's title and description come from its `PageMeta`.
//! `.pages` lists the pages written, each marked with how a service worker keeps it from the
//! first visit (`route::KeptOffline`; `scripts/write_sw.py` reads it).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use futures::StreamExt;
use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;
use loften_core::published::{read_manifest, versioned_manifest_path, MANIFEST_PATH};
use loften_core::route::{kept_offline, prerendered, Route};
use medborgarloften::app::{full_title, App, Boot};
use medborgarloften::base::Base;
use medborgarloften::catalog::{read_packed, Catalog};
use medborgarloften::components::page_meta::{PageSummary, Summary};
use medborgarloften::device::Render;
use medborgarloften::navigation::ArrivalQuery;
use medborgarloften::pwa::AppVersion;

/// What every page shares: the data, the template and where the site lives.
/// The shell's preload of the current data, which a rendered page replaces with its own.
const CURRENT_DATA_PRELOAD: &str = r#"<link rel="preload" href="data/manifest.json" as="fetch" crossorigin="anonymous" fetchpriority="low">"#;

struct Site {
    dist: PathBuf,
    /// The path the site is hosted under, with its slashes: "/" or "/medborgarloften/".
    public_url: String,
    /// `https://example.org` when the build was told its public origin.
    site_url: Option<String>,
    catalog: Catalog,
    /// Preloads of the version the pages are rendered from: its manifest and its chunks.
    template: String,
    version: String,
    rendered_on: chrono::NaiveDate,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dist, public_url] = args.as_slice() else {
        eprintln!("usage: prerender DIST PUBLIC_URL   (SITE_URL=https://… for preview addresses)");
        return ExitCode::from(2);
    };
    match run(Path::new(dist), public_url) {
        Ok(count) => {
            println!("prerender: {count} pages written to {dist}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("prerender: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run(dist: &Path, public_url: &str) -> Result<usize, String> {
    any_spawner::Executor::init_futures_executor()
        .map_err(|e| format!("no executor for rendering: {e:?}"))?;
    let site = Site::read(dist, public_url)?;
    let mut listing = String::new();
    let routes = prerendered(&site.catalog.data);
    for route in &routes {
        let file = route
            .page_file()
            .ok_or_else(|| format!("{} has no file name: not a plain slug", route.href()))?;
        let html = site.render(route)?;
        let path = site.dist.join(&file);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        }
        std::fs::write(&path, html).map_err(|e| format!("{}: {e}", path.display()))?;
        listing.push_str(&format!("{} {file}\n", kept_offline(route).mark()));
    }
    let listing_path = site.dist.join(".pages");
    std::fs::write(&listing_path, listing)
        .map_err(|e| format!("{}: {e}", listing_path.display()))?;
    Ok(routes.len())
}

impl Site {
    fn read(dist: &Path, public_url: &str) -> Result<Site, String> {
        let read = |name: &str| {
            std::fs::read(dist.join(name))
                .map_err(|e| format!("{}: {e}", dist.join(name).display()))
        };
        // Trunk's page, kept as the shell; a second run finds it there.
        let shell = dist.join("shell.html");
        let index = String::from_utf8(read("index.html")?).map_err(|e| e.to_string())?;
        let template = if index.contains(r#"id="app-loading""#) {
            std::fs::write(&shell, &index).map_err(|e| format!("{}: {e}", shell.display()))?;
            index
        } else {
            String::from_utf8(read("shell.html")?).map_err(|e| e.to_string())?
        };
        // The data as the site publishes it, so that each page takes over in the browser with
        // the very chunks it was rendered from (its `<meta name="data-version">`).
        let manifest_text = read(MANIFEST_PATH)?;
        let manifest = read_manifest(&String::from_utf8_lossy(&manifest_text))
            .map_err(|e| format!("{MANIFEST_PATH}: {e}"))?;
        // Every chunk, and the search index's tables where search is in parts.
        let tables = manifest.search.iter().map(|search| &search.tables);
        let chunks = manifest
            .chunks
            .iter()
            .map(|c| &c.path)
            .chain(tables)
            .map(|path| Ok((path.clone(), read(path)?)))
            .collect::<Result<_, String>>()?;
        if !template.contains(CURRENT_DATA_PRELOAD) {
            return Err("index.html has no preload of data/manifest.json to replace".into());
        }
        let catalog = read_packed(manifest_text, chunks)
            .and_then(|fetched| fetched.catalog())
            .map_err(|e| format!("the published data does not read: {e:?}"))?;
        let version = attribute_of(&template, r#"<meta name="app-version" content=""#)
            .unwrap_or_else(|| "dev".into());
        let site_url = std::env::var("SITE_URL")
            .ok()
            .map(|url| url.trim_end_matches('/').to_string())
            .filter(|url| !url.is_empty());
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_err(|e| e.to_string())?;
        let rendered_on = chrono::DateTime::from_timestamp(now.as_secs() as i64, 0)
            .ok_or("the clock is out of range")?
            .date_naive();
        Ok(Site {
            dist: dist.to_path_buf(),
            public_url: format!("/{}/", public_url.trim_matches('/')).replace("//", "/"),
            site_url,
            catalog,
            template,
            version,
            rendered_on,
        })
    }

    /// One page: the app rendered at the route's address, put into the template, with the
    /// page's own title, description and preview tags in `<head>`.
    fn render(&self, route: &Route) -> Result<String, String> {
        let address = format!("{}{}", self.public_url.trim_end_matches('/'), route.href());
        let (meta_context, meta_output) = ServerMetaContext::new();
        let summary = PageSummary::default();
        let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
        let body = owner.with(|| {
            // What leptos_router and leptos_meta need to render without a browser, and where
            // each page writes its summary for the document's head.
            provide_context(RequestUrl::new(&address));
            provide_context(meta_context);
            provide_context(summary.clone());
            let boot = Boot {
                render: Render::Prerender,
                base: Base(self.public_url.trim_end_matches('/').to_string()),
                catalog: Some(self.catalog.clone()),
                rendered_on: Some(self.rendered_on),
                arrival: ArrivalQuery::default(),
                version: Some(AppVersion(self.version.clone())),
            };
            // Only the HTML: the pages read no resources (the catalog comes with the app's
            // start), so there is no data to send beside it, and the Content-Security-Policy
            // allows no inline script that would carry it.
            futures::executor::block_on(
                view! { <App boot=boot/> }
                    .to_html_stream_in_order()
                    .collect::<String>(),
            )
        });
        let summary = summary
            .0
            .lock()
            .map_err(|_| "the page summary was poisoned")?
            .clone()
            .ok_or_else(|| format!("{address}: the page set no PageMeta"))?;
        let document = self.document(route, &address, &summary, &body)?;
        let document = futures::executor::block_on(async {
            let chunks = futures::stream::once(async { document });
            let with_meta = meta_output.inject_meta_context(Box::pin(chunks)).await;
            with_meta.collect::<String>().await
        });
        owner.unset();
        Ok(escape_title(&document))
    }

    /// The template with the page's body, the date it was rendered on, the preview tags, and
    /// the marker after which leptos_meta writes the title and description.
    fn document(
        &self,
        route: &Route,
        address: &str,
        summary: &Summary,
        body: &str,
    ) -> Result<String, String> {
        // The page takes over with the chunks it shows, as it was rendered (`main.rs`), and
        // preloads them.
        let chunks = self.catalog.paths_shown(route);
        let preloads: String =
            std::iter::once(versioned_manifest_path(&self.catalog.edition.version))
                .chain(chunks.iter().map(|path| path.to_string()))
                .map(|path| CURRENT_DATA_PRELOAD.replace("data/manifest.json", &path))
                .collect();
        let mut html = self.template.replacen(CURRENT_DATA_PRELOAD, &preloads, 1);
        let title_start = html.find("<title>").ok_or("the template has no <title>")?;
        let title_end = html[title_start..]
            .find("</title>")
            .map(|i| title_start + i + "</title>".len())
            .ok_or("the template's <title> is not closed")?;
        html.replace_range(title_start..title_end, "");

        let mut head = format!(
            r#"<meta name="rendered-on" content="{}"><meta name="data-version" content="{}"><meta name="data-chunks" content="{}">"#,
            self.rendered_on,
            self.catalog.edition.version,
            chunks.join(" ")
        );
        let url = self
            .site_url
            .as_ref()
            .map(|origin| format!("{origin}{address}"));
        let canonical = url.clone().unwrap_or_else(|| address.to_string());
        let kind = if matches!(route, Route::Agreement { .. }) {
            "article"
        } else {
            "website"
        };
        let tags = [
            ("link", "canonical", Some(canonical)),
            ("meta", "og:title", Some(full_title(&summary.title))),
            ("meta", "og:description", Some(summary.description.clone())),
            ("meta", "og:type", Some(kind.to_string())),
            ("meta", "og:site_name", Some("Medborgarlöften".to_string())),
            ("meta", "og:locale", Some("sv_SE".to_string())),
            ("meta", "og:url", url),
            (
                "meta",
                "og:image",
                self.site_url
                    .as_ref()
                    .map(|origin| format!("{origin}{}icons/icon-512.png", self.public_url)),
            ),
        ];
        for (element, name, value) in tags {
            let Some(value) = value else { continue };
            let value = escape(&value);
            head.push_str(&match element {
                "link" => format!(r#"<link rel="{name}" href="{value}">"#),
                _ => format!(r#"<meta property="{name}" content="{value}">"#),
            });
        }
        head.push_str("<!--HEAD-->");
        let head_end = html.find("</head>").ok_or("the template has no </head>")?;
        html.insert_str(head_end, &head);

        let body_open = html.find("<body").ok_or("the template has no <body>")?;
        let body_start = html[body_open..]
            .find('>')
            .map(|i| body_open + i + 1)
            .ok_or("the template's <body> is not closed")?;
        let body_end = html.rfind("</body>").ok_or("the template has no </body>")?;
        // Nothing between <body> and the app, not even a line break: hydration starts at the
        // body's first child.
        html.replace_range(body_start..body_end, body);
        Ok(html)
    }
}

/// The value of the attribute that `prefix` opens, up to its closing quote.
fn attribute_of(html: &str, prefix: &str) -> Option<String> {
    let start = html.find(prefix)? + prefix.len();
    let end = html[start..].find('"')?;
    Some(html[start..start + end].to_string())
}

/// Text for an HTML attribute or element.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// leptos_meta writes the title's text as it is: escape it, or a title with `&` or `<` would
/// be read as markup.
fn escape_title(document: &str) -> String {
    let Some(start) = document.find("<title>").map(|i| i + "<title>".len()) else {
        return document.to_string();
    };
    let Some(end) = document[start..].find("</title>").map(|i| start + i) else {
        return document.to_string();
    };
    format!(
        "{}{}{}",
        &document[..start],
        escape(&document[start..end]),
        &document[end..]
    )
}
