//! Inputs on the command line: files, directories (walked recursively) and standard input.

use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

use crate::{Format, IntakeError, IntakeOptions, Record, WarcRecords, read_bytes};

/// File extensions taken from a directory walk. Named files are read whatever their name.
const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "text", "html", "htm", "xhtml", "jsonl", "ndjson", "warc", "gz",
];

/// One input to read: a file, or standard input (`-`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    Path(PathBuf),
    Stdin,
}

/// Expand command-line arguments into inputs: `-` is stdin, a directory is every article
/// file below it (sorted, hidden files skipped), anything else is taken as a file.
/// No arguments means stdin.
pub fn expand_inputs(args: &[String]) -> Vec<Input> {
    if args.is_empty() {
        return vec![Input::Stdin];
    }
    let mut out = Vec::new();
    for a in args {
        if a == "-" {
            out.push(Input::Stdin);
            continue;
        }
        let p = PathBuf::from(a);
        if p.is_dir() {
            let mut files = Vec::new();
            walk(&p, &mut files);
            files.sort();
            out.extend(files.into_iter().map(Input::Path));
        } else {
            out.push(Input::Path(p));
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        // Unreadable directories are reported when read as a file.
        out.push(dir.to_path_buf());
        return;
    };
    for e in entries.flatten() {
        let path = e.path();
        let hidden = e.file_name().to_string_lossy().starts_with('.');
        if hidden {
            continue;
        }
        if path.is_dir() {
            walk(&path, out);
        } else if path
            .extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| ARTICLE_EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()))
        {
            out.push(path);
        }
    }
}

/// Read every record of one file. The id of a plain file is its path as given.
pub fn read_path(path: &Path, format: Format, opts: &IntakeOptions) -> Vec<Record> {
    let id = path.to_string_lossy().into_owned();
    match std::fs::metadata(path) {
        Ok(m)
            if m.is_file()
                && m.len() as usize > opts.max_bytes
                && !matches!(format, Format::Jsonl | Format::Warc)
                && !is_warc_name(&id) =>
        {
            return vec![Record::failed(
                id,
                IntakeError::TooLarge {
                    size: m.len() as usize,
                    limit: opts.max_bytes,
                },
            )];
        }
        _ => {}
    }
    match std::fs::read(path) {
        Ok(bytes) => read_bytes(&id, &bytes, format, opts),
        Err(source) => vec![Record::failed(
            id.clone(),
            IntakeError::Io { path: id, source },
        )],
    }
}

/// Read every record on standard input. A single document from stdin is named by its
/// content hash.
pub fn read_stdin(format: Format, opts: &IntakeOptions) -> Vec<Record> {
    let mut bytes = Vec::new();
    if let Err(source) = std::io::stdin().lock().read_to_end(&mut bytes) {
        return vec![Record::failed(
            "-",
            IntakeError::Io {
                path: "-".into(),
                source,
            },
        )];
    }
    let id = crate::content_hash(&bytes);
    read_bytes(&id, &bytes, format, opts)
}

fn is_warc_name(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.ends_with(".warc") || n.ends_with(".warc.gz")
}

/// Open a WARC file as a stream of records, through a gzip decoder when it is compressed.
fn open_warc(
    path: &Path,
    opts: &IntakeOptions,
) -> Result<WarcRecords<Box<dyn BufRead>>, IntakeError> {
    let id = path.to_string_lossy().into_owned();
    let file = std::fs::File::open(path).map_err(|source| IntakeError::Io {
        path: id.clone(),
        source,
    })?;
    let mut reader = std::io::BufReader::with_capacity(1 << 16, file);
    let gz = reader
        .fill_buf()
        .map_err(|source| IntakeError::Io {
            path: id.clone(),
            source,
        })?
        .starts_with(&[0x1f, 0x8b]);
    let stream: Box<dyn BufRead> = if gz {
        Box::new(std::io::BufReader::with_capacity(
            1 << 16,
            flate2::read::MultiGzDecoder::new(reader),
        ))
    } else {
        Box::new(reader)
    };
    Ok(WarcRecords::new(stream, &id, opts))
}

impl Input {
    /// Read this input's records into memory.
    pub fn read(&self, format: Format, opts: &IntakeOptions) -> Vec<Record> {
        match self {
            Input::Path(p) => read_path(p, format, opts),
            Input::Stdin => read_stdin(format, opts),
        }
    }

    /// This input's records as a stream: a WARC file is read one record at a time, in
    /// constant memory; other inputs are read whole.
    pub fn records(
        &self,
        format: Format,
        opts: &IntakeOptions,
    ) -> Box<dyn Iterator<Item = Record>> {
        match self {
            Input::Path(p)
                if format == Format::Warc
                    || (format == Format::Auto && is_warc_name(&p.to_string_lossy())) =>
            {
                match open_warc(p, opts) {
                    Ok(records) => Box::new(records),
                    Err(e) => Box::new(std::iter::once(Record::failed(p.to_string_lossy(), e))),
                }
            }
            _ => Box::new(self.read(format, opts).into_iter()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directories_expand_sorted_and_filtered() {
        let dir = std::env::temp_dir().join(format!("dyad-intake-walk-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        for f in ["b.txt", "a.html", "README.md", ".hidden.txt", "sub/c.jsonl"] {
            std::fs::write(dir.join(f), "x").unwrap();
        }
        let inputs = expand_inputs(&[dir.to_string_lossy().into_owned()]);
        let names: Vec<String> = inputs
            .iter()
            .map(|i| match i {
                Input::Path(p) => p.strip_prefix(&dir).unwrap().to_string_lossy().into_owned(),
                Input::Stdin => "-".into(),
            })
            .collect();
        assert_eq!(names, ["a.html", "b.txt", "sub/c.jsonl"]);
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(expand_inputs(&[]), vec![Input::Stdin]);
    }

    #[test]
    fn missing_file_is_an_error_record() {
        let recs = read_path(
            Path::new("/nonexistent/dyad.txt"),
            Format::Auto,
            &IntakeOptions::default(),
        );
        assert_eq!(recs.len(), 1);
        assert!(matches!(recs[0].result, Err(IntakeError::Io { .. })));
    }
}
