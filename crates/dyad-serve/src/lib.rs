//! dyad's HTTP API and the web page that explores the store (work in progress, issue 9).
