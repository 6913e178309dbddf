//! The JSON API's handlers and the checking of their query parameters.

use std::collections::HashMap;
use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use dyad_store::{EventQuery, EventRow, Period};
use serde_json::{Value, json};

use crate::{ApiError, App, with_store};

/// Most rows one request returns.
pub const MAX_LIMIT: usize = 500;
const DEFAULT_LIMIT: usize = 50;

type Params = Query<HashMap<String, String>>;

/// Query parameters, checked one by one; unknown names are errors too (a typo in a filter
/// must not silently return everything).
struct Checked<'a> {
    params: &'a HashMap<String, String>,
}

impl<'a> Checked<'a> {
    fn new(params: &'a HashMap<String, String>, allowed: &[&str]) -> Result<Self, ApiError> {
        let mut names: Vec<&String> = params.keys().collect();
        names.sort();
        for name in names {
            if !allowed.contains(&name.as_str()) {
                return Err(ApiError::bad(format!(
                    "unknown parameter {name:?}; this route takes: {}",
                    allowed.join(", ")
                )));
            }
        }
        Ok(Checked { params })
    }

    /// A non-empty value of at most 200 bytes, or `None` when absent or empty.
    fn text(&self, name: &str) -> Result<Option<String>, ApiError> {
        match self.params.get(name).map(|v| v.trim()) {
            None | Some("") => Ok(None),
            Some(v) if v.len() > 200 => Err(ApiError::bad(format!("{name} is too long"))),
            Some(v) => Ok(Some(v.to_string())),
        }
    }

    fn matching(
        &self,
        name: &str,
        ok: impl Fn(&str) -> bool,
        expected: &str,
    ) -> Result<Option<String>, ApiError> {
        match self.text(name)? {
            Some(v) if !ok(&v) => Err(ApiError::bad(format!(
                "{name} must be {expected}, not {v:?}"
            ))),
            v => Ok(v),
        }
    }

    fn number(&self, name: &str, default: usize, max: usize) -> Result<usize, ApiError> {
        match self.text(name)? {
            None => Ok(default),
            Some(v) => match v.parse::<usize>() {
                Ok(n) if n <= max => Ok(n),
                Ok(_) => Err(ApiError::bad(format!("{name} must be at most {max}"))),
                Err(_) => Err(ApiError::bad(format!(
                    "{name} must be a whole number, not {v:?}"
                ))),
            },
        }
    }

    fn flag(&self, name: &str) -> Result<bool, ApiError> {
        match self.text(name)?.as_deref() {
            None | Some("false" | "0" | "no") => Ok(false),
            Some("true" | "1" | "yes") => Ok(true),
            Some(v) => Err(ApiError::bad(format!(
                "{name} must be true or false, not {v:?}"
            ))),
        }
    }
}

fn digits(v: &str, lengths: &[usize]) -> bool {
    lengths.contains(&v.len()) && v.bytes().all(|b| b.is_ascii_digit())
}

/// `2021`, `2021-12` or `2021-12-15`.
fn is_date(v: &str) -> bool {
    let parts: Vec<&str> = v.split('-').collect();
    match parts.as_slice() {
        [y] => digits(y, &[4]),
        [y, m] => digits(y, &[4]) && digits(m, &[2]) && ("01"..="12").contains(m),
        [y, m, d] => {
            digits(y, &[4])
                && digits(m, &[2])
                && ("01"..="12").contains(m)
                && digits(d, &[2])
                && ("01"..="31").contains(d)
        }
        _ => false,
    }
}

fn is_code(v: &str) -> bool {
    v.len() <= 40 && v.chars().all(|c| c.is_ascii_alphanumeric())
}

const MODES: [&str; 6] = [
    "asserted",
    "none",
    "negated",
    "intended",
    "hypothetical",
    "denied",
];

fn event_query(c: &Checked) -> Result<EventQuery, ApiError> {
    let a = c.matching("a", is_code, "an actor code (RUS, RUSGOV)")?;
    let b = c.matching("b", is_code, "an actor code (CHN, CHNGOV)")?;
    Ok(EventQuery {
        actor: c.text("actor")?,
        country: c
            .matching(
                "country",
                |v| v.len() == 3 && is_code(v),
                "a three-letter country code",
            )?
            .map(|v| v.to_uppercase()),
        a: a.map(|v| v.to_uppercase()),
        b: b.map(|v| v.to_uppercase()),
        directed: c.flag("directed")?,
        source: c.text("source")?,
        target: c.text("target")?,
        root: c.matching(
            "root",
            |v| digits(v, &[2]) && ("01"..="20").contains(&v),
            "a CAMEO root from 01 to 20",
        )?,
        cameo: c.matching(
            "code",
            |v| digits(v, &[1, 2, 3, 4]),
            "a CAMEO code prefix (04, 042)",
        )?,
        plover: c.matching(
            "plover",
            |v| v.len() <= 30 && v.chars().all(|ch| ch.is_ascii_alphabetic() || ch == '_'),
            "a PLOVER type (CONSULT)",
        )?,
        quad: c
            .matching(
                "quad",
                |v| matches!(v, "1" | "2" | "3" | "4"),
                "1, 2, 3 or 4",
            )?
            .and_then(|v| v.parse().ok()),
        mode: c.matching(
            "mode",
            |v| MODES.contains(&v),
            &format!("one of {}", MODES.join(", ")),
        )?,
        since: c.matching("from", is_date, "a date (YYYY-MM-DD, YYYY-MM or YYYY)")?,
        until: c.matching("to", is_date, "a date (YYYY-MM-DD, YYYY-MM or YYYY)")?,
        text: c.text("q")?,
        limit: Some(c.number("limit", DEFAULT_LIMIT, MAX_LIMIT)?),
        offset: Some(c.number("offset", 0, 10_000_000)?),
    })
}

fn side(
    code: Option<&str>,
    text: Option<&str>,
    name: Option<&str>,
    country: Option<&str>,
) -> Value {
    match code {
        Some(code) => json!({"code": code, "text": text, "name": name, "country": country}),
        None => Value::Null,
    }
}

fn event_json(e: &EventRow) -> Value {
    json!({
        "id": e.id,
        "document_id": e.document,
        "title": e.title,
        "url": e.url,
        "source": side(Some(&e.source), Some(&e.source_text), e.source_name.as_deref(), e.source_country.as_deref()),
        "target": side(e.target.as_deref(), e.target_text.as_deref(), e.target_name.as_deref(), e.target_country.as_deref()),
        "cameo": e.cameo,
        "cameo_label": dyad_model::cameo::lookup(&e.cameo).map(|c| c.name),
        "plover": e.plover,
        "mode": e.mode,
        "goldstein": e.goldstein,
        "quad_class": e.quad_class,
        "date": e.date,
        "trigger": e.trigger,
        "trigger_span": e.trigger_span,
        "sentence": e.sentence,
        "sources": e.sources,
    })
}

const EVENT_PARAMS: [&str; 17] = [
    "actor", "country", "a", "b", "directed", "source", "target", "root", "code", "plover", "quad",
    "mode", "from", "to", "q", "limit", "offset",
];

/// `GET /api/events`: a page of events and the total matching.
pub async fn events(
    State(app): State<Arc<App>>,
    Query(p): Params,
) -> Result<Json<Value>, ApiError> {
    let q = event_query(&Checked::new(&p, &EVENT_PARAMS)?)?;
    let (total, rows) = with_store(app, move |s| Ok((s.count_events(&q)?, s.events(&q)?))).await?;
    Ok(Json(json!({
        "total": total,
        "events": rows.iter().map(event_json).collect::<Vec<_>>(),
    })))
}

/// `GET /api/relations`: a dyad's events per period by QuadClass, with Goldstein sums.
pub async fn relations(
    State(app): State<Arc<App>>,
    Query(p): Params,
) -> Result<Json<Value>, ApiError> {
    let c = Checked::new(&p, &["a", "b", "by", "directed"])?;
    let a = c
        .matching("a", is_code, "an actor code (RUS, RUSGOV)")?
        .ok_or_else(|| ApiError::bad("a is required (an actor code such as RUS)"))?
        .to_uppercase();
    let b = c
        .matching("b", is_code, "an actor code (CHN, CHNGOV)")?
        .ok_or_else(|| ApiError::bad("b is required (an actor code such as CHN)"))?
        .to_uppercase();
    let by_name = c.text("by")?.unwrap_or_else(|| "month".into());
    let by: Period = by_name.parse().map_err(ApiError::bad)?;
    let directed = c.flag("directed")?;
    let (qa, qb) = (a.clone(), b.clone());
    let series = with_store(app, move |s| s.relations(&qa, &qb, by, directed)).await?;
    Ok(Json(json!({
        "a": a, "b": b, "by": by_name, "directed": directed, "series": series,
    })))
}

/// `GET /api/quotes`: quotes by speaker and text.
pub async fn quotes(
    State(app): State<Arc<App>>,
    Query(p): Params,
) -> Result<Json<Value>, ApiError> {
    let c = Checked::new(&p, &["speaker", "q", "limit", "offset"])?;
    let speaker = c.text("speaker")?;
    let text = c.text("q")?;
    let limit = c.number("limit", DEFAULT_LIMIT, MAX_LIMIT)?;
    let offset = c.number("offset", 0, 10_000_000)?;
    let (total, rows) = with_store(app, move |s| {
        s.quotes_page(speaker.as_deref(), text.as_deref(), limit, offset)
    })
    .await?;
    Ok(Json(json!({"total": total, "quotes": rows})))
}

/// `GET /api/document?id=`: one document with all its evidence.
pub async fn document(
    State(app): State<Arc<App>>,
    Query(p): Params,
) -> Result<Json<Value>, ApiError> {
    Checked::new(&p, &["id"])?;
    let id = match p.get("id").filter(|v| !v.is_empty()) {
        Some(id) if id.len() <= 4096 => id.clone(),
        Some(_) => return Err(ApiError::bad("id is too long")),
        None => return Err(ApiError::bad("id is required")),
    };
    let shown = id.clone();
    match with_store(app, move |s| s.document(&id)).await? {
        Some(doc) => Ok(Json(doc)),
        None => Err(ApiError(
            StatusCode::NOT_FOUND,
            format!("no document {shown:?}"),
        )),
    }
}

/// `GET /api/actors?name=`: actors by number of mentions.
pub async fn actors(
    State(app): State<Arc<App>>,
    Query(p): Params,
) -> Result<Json<Value>, ApiError> {
    let c = Checked::new(&p, &["name", "limit"])?;
    let name = c.text("name")?;
    let limit = c.number("limit", DEFAULT_LIMIT, MAX_LIMIT)?;
    let rows = with_store(app, move |s| s.actors(name.as_deref(), Some(limit))).await?;
    Ok(Json(json!({"actors": rows})))
}

/// `GET /api/stats`: what the store holds.
pub async fn stats(State(app): State<Arc<App>>, Query(p): Params) -> Result<Json<Value>, ApiError> {
    Checked::new(&p, &[])?;
    let t = with_store(app, |s| s.totals()).await?;
    Ok(Json(json!({
        "documents": t.documents, "events": t.events, "quotes": t.quotes,
        "actors": t.mentions, "copies": t.duplicates, "failures": t.failures,
    })))
}

/// `POST /api/ingest?format=&date=`: code and store the body. Needs the server's token.
pub async fn ingest(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Query(p): Params,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let (Some(token), Some(ingest)) = (app.token.clone(), app.ingest.clone()) else {
        return Err(ApiError(
            StatusCode::FORBIDDEN,
            "this server is read-only (start it with --token to accept POST /api/ingest)".into(),
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    if !given.is_some_and(|g| constant_time_eq(g.as_bytes(), token.as_bytes())) {
        return Err(ApiError(
            StatusCode::UNAUTHORIZED,
            "POST /api/ingest needs the header Authorization: Bearer <token>".into(),
        ));
    }
    let c = Checked::new(&p, &["format", "date"])?;
    let format = c
        .matching(
            "format",
            |v| matches!(v, "auto" | "text" | "html" | "jsonl" | "warc"),
            "auto, text, html, jsonl or warc",
        )?
        .unwrap_or_else(|| "auto".into());
    let date = c.matching(
        "date",
        |v| v.len() == 10 && is_date(v),
        "a date (YYYY-MM-DD)",
    )?;
    if body.is_empty() {
        return Err(ApiError::bad("the request body is empty"));
    }
    let summary =
        tokio::task::spawn_blocking(move || ingest.ingest(&body, &format, date.as_deref()))
            .await
            .map_err(|e| {
                ApiError(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    format!("ingest failed: {e}"),
                )
            })?
            .map_err(|e| ApiError(StatusCode::UNPROCESSABLE_ENTITY, e))?;
    Ok(Json(summary))
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_codes() {
        assert!(is_date("2021") && is_date("2021-12") && is_date("2021-12-15"));
        assert!(!is_date("2021-13") && !is_date("21-12-15") && !is_date("2021-12-15T00"));
        assert!(is_code("RUSGOV") && !is_code("RUS;DROP") && !is_code("R U S"));
    }

    #[test]
    fn unknown_and_bad_parameters_are_named() {
        let p: HashMap<String, String> = [("acter".to_string(), "RUS".to_string())].into();
        let e = Checked::new(&p, &EVENT_PARAMS).err().expect("unknown name");
        assert!(e.1.contains("acter"), "{}", e.1);
        let p: HashMap<String, String> = [("root".to_string(), "99".to_string())].into();
        let e =
            event_query(&Checked::new(&p, &EVENT_PARAMS).expect("known")).expect_err("bad root");
        assert!(e.1.contains("root"), "{}", e.1);
        let p: HashMap<String, String> = [("limit".to_string(), "100000".to_string())].into();
        let e = event_query(&Checked::new(&p, &EVENT_PARAMS).expect("known")).expect_err("limit");
        assert!(e.1.contains("at most 500"), "{}", e.1);
    }

    #[test]
    fn token_comparison() {
        assert!(constant_time_eq(b"secret", b"secret"));
        assert!(!constant_time_eq(b"secret", b"secreT"));
        assert!(!constant_time_eq(b"secret", b"secret2"));
    }
}
