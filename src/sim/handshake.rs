//! `synack demo handshake`: TCP connection setup and teardown (RFC 9293). (Being built.)

use super::{Demo, Run, SimError};

pub const DEMO: Demo = Demo {
    name: "handshake",
    title: "TCP connection setup and teardown (RFC 9293)",
    summary: "3-way handshake, 4-way close and TIME-WAIT, with lost segments, RTO and RST",
    topics: &[
        "TCP",
        "3-way handshake",
        "4-way handshake",
        "TIME-WAIT",
        "ISN",
    ],
    keywords: &[
        "handshake",
        "3-way",
        "4-way",
        "syn",
        "fin",
        "time_wait",
        "time-wait",
        "핸드쉐이크",
        "핸드셰이크",
    ],
    run,
};

fn run(_argv: &[String]) -> Result<Run, SimError> {
    Err(SimError::Invalid(
        "the handshake demo is not built yet".into(),
    ))
}
