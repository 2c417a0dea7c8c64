//! `synack demo uri`: URI, URL and URN: parsing, origin and Punycode. (Being built.)

use super::{Demo, Run, SimError};

pub const DEMO: Demo = Demo {
    name: "uri",
    title: "URI, URL and URN: parsing, origin and Punycode",
    summary: "RFC 3986 and WHATWG parsing, query pairs, origin and same-origin, IDNA/Punycode",
    topics: &["URI", "URL", "URN", "origin", "Punycode"],
    keywords: &[
        "uri",
        "url",
        "urn",
        "퓨니코드",
        "punycode",
        "origin",
        "출처",
        "cors",
        "sop",
    ],
    run,
};

fn run(_argv: &[String]) -> Result<Run, SimError> {
    Err(SimError::Invalid("the uri demo is not built yet".into()))
}
