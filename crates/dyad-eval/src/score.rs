//! Counting matches between gold and predicted items, and printing the results.

use std::collections::BTreeMap;
use std::fmt;

/// True positives, false positives and false negatives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    /// Count a multiset match between `gold` and `pred` items.
    pub fn of<T: Ord + Clone>(gold: &[T], pred: &[T]) -> Counts {
        let mut g: BTreeMap<T, usize> = BTreeMap::new();
        for x in gold {
            *g.entry(x.clone()).or_default() += 1;
        }
        let mut tp = 0;
        for x in pred {
            if let Some(n) = g.get_mut(x)
                && *n > 0
            {
                *n -= 1;
                tp += 1;
            }
        }
        Counts {
            tp,
            fp: pred.len() - tp,
            fn_: gold.len() - tp,
        }
    }

    pub fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }

    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Named rows of counts, printed as a table.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub title: String,
    pub rows: Vec<(String, Counts)>,
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let w = self
            .rows
            .iter()
            .map(|(n, _)| n.chars().count())
            .max()
            .unwrap_or(4)
            .max(4);
        writeln!(f, "{}", self.title)?;
        writeln!(
            f,
            "  {:<w$}  {:>5} {:>5} {:>5}  {:>6} {:>6} {:>6}",
            "", "tp", "fp", "fn", "P", "R", "F1"
        )?;
        for (name, c) in &self.rows {
            writeln!(
                f,
                "  {:<w$}  {:>5} {:>5} {:>5}  {:>6.3} {:>6.3} {:>6.3}",
                name,
                c.tp,
                c.fp,
                c.fn_,
                c.precision(),
                c.recall(),
                c.f1()
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multiset_counts() {
        let c = Counts::of(&["a", "a", "b"], &["a", "c", "a", "a"]);
        assert_eq!(
            c,
            Counts {
                tp: 2,
                fp: 2,
                fn_: 1
            }
        );
        assert!((c.precision() - 0.5).abs() < 1e-9);
        assert!((c.recall() - 2.0 / 3.0).abs() < 1e-9);
        assert!((c.f1() - 4.0 / 7.0).abs() < 1e-9);
        assert_eq!(Counts::of::<&str>(&[], &[]).f1(), 0.0);
    }
}
