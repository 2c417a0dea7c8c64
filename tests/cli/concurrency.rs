//! Concurrency (issue 7).
