//! Getting data out of synack: files other tools and people can read.

pub mod report;
