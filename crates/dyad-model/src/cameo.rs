//! The CAMEO event code table: every code with its name, Goldstein score, QuadClass and
//! PLOVER 2.0 type.
//!
//! The table is the team's data file `data/cameo.tsv`, compiled into the binary and parsed
//! once on first use. QuadClass follows GDELT's scheme, derived from the root code:
//! 01-05 verbal cooperation (1), 06-08 material cooperation (2), 09-13 verbal conflict (3),
//! 14-20 material conflict (4).

use std::collections::BTreeMap;
use std::sync::LazyLock;

const TABLE: &str = include_str!("../../../data/cameo.tsv");

/// One CAMEO event code.
#[derive(Clone, Debug, PartialEq)]
pub struct CameoCode {
    /// The code as written in CAMEO: two digits for a root (`04`), three or four otherwise.
    pub code: &'static str,
    pub name: &'static str,
    pub goldstein: f64,
    pub quad_class: u8,
    /// PLOVER 2.0 event type (`CONSULT`, `ASSAULT`); `None` for CAMEO 01 (public
    /// statements), which PLOVER leaves out.
    pub plover: Option<&'static str>,
}

impl CameoCode {
    /// The two-digit root (`04` for `043`).
    pub fn root(&self) -> &'static str {
        &self.code[..2]
    }
}

static CODES: LazyLock<BTreeMap<&'static str, CameoCode>> = LazyLock::new(|| parse(TABLE));

/// Parse the table. The file is part of the build and checked by tests, so a malformed row
/// is a build defect; such rows are skipped rather than panicking at run time.
fn parse(table: &'static str) -> BTreeMap<&'static str, CameoCode> {
    let mut out = BTreeMap::new();
    let mut header_seen = false;
    for line in table.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if !header_seen {
            header_seen = true;
            continue;
        }
        let fields: Vec<&'static str> = line.split('\t').collect();
        let [code, name, goldstein, plover] = fields[..] else {
            continue;
        };
        let (Ok(goldstein), Some(quad_class)) = (goldstein.parse::<f64>(), quad_class_of(code))
        else {
            continue;
        };
        out.insert(
            code,
            CameoCode {
                code,
                name,
                goldstein,
                quad_class,
                plover: (plover != "-").then_some(plover),
            },
        );
    }
    out
}

/// GDELT's QuadClass for a code, from its root; `None` for a code that is not CAMEO-shaped.
pub fn quad_class_of(code: &str) -> Option<u8> {
    if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match code[..2].parse::<u8>().ok()? {
        1..=5 => Some(1),
        6..=8 => Some(2),
        9..=13 => Some(3),
        14..=20 => Some(4),
        _ => None,
    }
}

/// Look a code up (`"040"`, `"04"`, `"0874"`).
pub fn lookup(code: &str) -> Option<&'static CameoCode> {
    CODES.get(code)
}

/// Every code in the table, in code order.
pub fn all() -> impl Iterator<Item = &'static CameoCode> {
    CODES.values()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_complete_and_consistent() {
        let n = all().count();
        assert!(n > 250, "only {n} CAMEO codes parsed");
        let data_rows = TABLE
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        assert_eq!(
            n,
            data_rows - 1,
            "some rows of data/cameo.tsv did not parse"
        );
        for root in 1..=20 {
            let root = format!("{root:02}");
            assert!(lookup(&root).is_some(), "root {root} missing");
        }
        for c in all() {
            let root = lookup(c.root()).expect("every code has its root");
            assert_eq!(c.quad_class, root.quad_class);
            assert!((-10.0..=10.0).contains(&c.goldstein), "{}", c.code);
            match c.plover {
                None => assert_eq!(c.root(), "01", "only public statements lack a PLOVER type"),
                Some(p) => assert!(
                    !p.is_empty() && p.bytes().all(|b| b.is_ascii_uppercase() || b == b'_'),
                    "{} has PLOVER type {p:?}",
                    c.code
                ),
            }
        }
    }

    #[test]
    fn known_codes() {
        let c = lookup("040").unwrap();
        assert_eq!((c.quad_class, c.plover), (1, Some("CONSULT")));
        assert_eq!(c.goldstein, 1.0);
        assert_eq!(lookup("042").unwrap().name, "Make a visit");
        let sanction = lookup("163").unwrap();
        assert_eq!(sanction.quad_class, 4, "GDELT puts 16 in material conflict");
        assert!(sanction.goldstein < 0.0);
        assert_eq!(lookup("190").unwrap().quad_class, 4);
        assert_eq!(lookup("073").unwrap().quad_class, 2);
        assert!(lookup("999").is_none());
    }

    #[test]
    fn quad_classes_follow_gdelt() {
        assert_eq!(quad_class_of("05"), Some(1));
        assert_eq!(quad_class_of("061"), Some(2));
        assert_eq!(quad_class_of("112"), Some(3));
        assert_eq!(quad_class_of("1821"), Some(4));
        assert_eq!(quad_class_of("21"), None);
        assert_eq!(quad_class_of("4"), None);
        assert_eq!(quad_class_of("0x1"), None);
    }
}
