//! dyad's HTTP server: a JSON API over the store's queries and the web page that explores
//! them, both from one binary (the page's files are compiled in).
//!
//! Routes (all GET unless said; the OpenAPI document at `/openapi.json` is the reference):
//! `/api/events`, `/api/relations`, `/api/quotes`, `/api/document`, `/api/actors`,
//! `/api/stats`, and `POST /api/ingest`, which exists only when the server was given a
//! token and a way to code documents ([`Ingest`]), and answers only requests bearing
//! that token. The page is `/` with `/app.js` and `/style.css`.
//!
//! Every query parameter is checked before it reaches SQL (where it is bound, never
//! spliced); a bad one gets `400` with `{"error": "..."}` saying which and why. Result
//! pages are capped at [`MAX_LIMIT`] rows, request bodies at the configured size. Store
//! reads run on tokio's blocking pool, each on a pooled read connection.

mod api;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use dyad_store::{Store, StoreError};

pub use api::MAX_LIMIT;

/// What the server needs to code and store documents sent to `POST /api/ingest`.
pub trait Ingest: Send + Sync {
    /// Code `body` (read as `format`: auto, text, html, jsonl, warc) and store it; the
    /// answer is a JSON summary for the client, or an error message.
    fn ingest(
        &self,
        body: &[u8],
        format: &str,
        date: Option<&str>,
    ) -> Result<serde_json::Value, String>;
}

/// How to run the server.
pub struct Config {
    pub addr: SocketAddr,
    pub db: PathBuf,
    /// The bearer token `POST /api/ingest` needs; `None` makes the server read-only.
    pub token: Option<String>,
    pub ingest: Option<Arc<dyn Ingest>>,
    /// Largest request body accepted, in bytes.
    pub max_body: usize,
}

/// A server that cannot start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("store: {0}")]
    Store(#[from] StoreError),
    #[error("server: {0}")]
    Io(#[from] std::io::Error),
}

/// Shared state: where the store is, a pool of read connections, and the ingest settings.
pub struct App {
    db: PathBuf,
    pool: Mutex<Vec<Store>>,
    token: Option<String>,
    ingest: Option<Arc<dyn Ingest>>,
}

impl App {
    /// State for a store at `db` (opened once here, so a bad path fails at start).
    pub fn new(
        db: PathBuf,
        token: Option<String>,
        ingest: Option<Arc<dyn Ingest>>,
    ) -> Result<App, StoreError> {
        let first = Store::open(&db)?;
        Ok(App {
            db,
            pool: Mutex::new(vec![first]),
            token,
            ingest,
        })
    }

    fn take(&self) -> Result<Store, StoreError> {
        let pooled = self.pool.lock().ok().and_then(|mut p| p.pop());
        match pooled {
            Some(s) => Ok(s),
            None => Store::open(&self.db),
        }
    }

    fn give(&self, store: Store) {
        if let Ok(mut p) = self.pool.lock()
            && p.len() < 16
        {
            p.push(store);
        }
    }
}

/// An API error: a status and a message, sent as `{"error": message}`.
#[derive(Debug)]
pub struct ApiError(pub StatusCode, pub String);

impl ApiError {
    pub fn bad(msg: impl Into<String>) -> ApiError {
        ApiError(StatusCode::BAD_REQUEST, msg.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if self.0.is_server_error() {
            tracing::error!("{}", self.1);
        }
        (self.0, axum::Json(serde_json::json!({ "error": self.1 }))).into_response()
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        ApiError(StatusCode::INTERNAL_SERVER_ERROR, format!("store: {e}"))
    }
}

/// Run `f` on a pooled store connection on the blocking pool.
async fn with_store<T: Send + 'static>(
    app: Arc<App>,
    f: impl FnOnce(&Store) -> Result<T, StoreError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(move || {
        let store = app.take()?;
        let out = f(&store);
        app.give(store);
        out
    })
    .await
    .map_err(|e| {
        ApiError(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("query failed: {e}"),
        )
    })?
    .map_err(ApiError::from)
}

const INDEX_HTML: &str = include_str!("../assets/index.html");
const APP_JS: &str = include_str!("../assets/app.js");
const STYLE_CSS: &str = include_str!("../assets/style.css");
const OPENAPI: &str = include_str!("../assets/openapi.json");

fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}

/// The application's routes.
pub fn router(app: Arc<App>, max_body: usize) -> Router {
    Router::new()
        .route(
            "/",
            get(|| async { asset("text/html; charset=utf-8", INDEX_HTML) }),
        )
        .route(
            "/app.js",
            get(|| async { asset("text/javascript; charset=utf-8", APP_JS) }),
        )
        .route(
            "/style.css",
            get(|| async { asset("text/css; charset=utf-8", STYLE_CSS) }),
        )
        .route(
            "/openapi.json",
            get(|| async { asset("application/json", OPENAPI) }),
        )
        .route("/api/events", get(api::events))
        .route("/api/relations", get(api::relations))
        .route("/api/quotes", get(api::quotes))
        .route("/api/document", get(api::document))
        .route("/api/actors", get(api::actors))
        .route("/api/stats", get(api::stats))
        .route("/api/ingest", post(api::ingest))
        .fallback(|| async { ApiError(StatusCode::NOT_FOUND, "no such page or API route".into()) })
        .layer(DefaultBodyLimit::max(max_body))
        .with_state(app)
}

/// Serve on an already bound listener until `shutdown` completes.
pub async fn serve_on(
    listener: tokio::net::TcpListener,
    app: Arc<App>,
    max_body: usize,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(app, max_body))
        .with_graceful_shutdown(shutdown)
        .await
}

/// Serve on a free loopback port from a background thread, for tests, benchmarks and
/// programs that embed the API; returns the address. The server runs until the process
/// ends.
pub fn spawn_on_loopback(app: Arc<App>, max_body: usize) -> std::io::Result<SocketAddr> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    let addr = listener.local_addr()?;
    listener.set_nonblocking(true)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    std::thread::spawn(move || {
        runtime.block_on(async move {
            match tokio::net::TcpListener::from_std(listener) {
                Ok(listener) => {
                    if let Err(e) = serve_on(listener, app, max_body, std::future::pending()).await
                    {
                        tracing::error!("server stopped: {e}");
                    }
                }
                Err(e) => tracing::error!("cannot serve: {e}"),
            }
        });
    });
    Ok(addr)
}

/// Start the server and run until Ctrl-C.
pub fn run(config: Config) -> Result<(), ServeError> {
    let app = Arc::new(App::new(config.db, config.token, config.ingest)?);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(config.addr)
            .await
            .map_err(|source| ServeError::Bind {
                addr: config.addr,
                source,
            })?;
        let local = listener.local_addr()?;
        eprintln!("dyad: serving on http://{local}/ (Ctrl-C stops)");
        serve_on(listener, app, config.max_body, async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
        Ok(())
    })
}
