//! `synack demo sockets`: Ports, sockets and the 4-tuple. (Being built.)

use super::{Demo, Run, SimError};

pub const DEMO: Demo = Demo {
    name: "sockets",
    title: "Ports, sockets and the 4-tuple",
    summary: "Many connections on one listening port, told apart by the 4-tuple, on real loopback sockets",
    topics: &["port", "socket", "4-tuple", "ephemeral port"],
    keywords: &["소켓", "포트", "socket", "port", "4-tuple"],
    run,
};

fn run(_argv: &[String]) -> Result<Run, SimError> {
    Err(SimError::Invalid(
        "the sockets demo is not built yet".into(),
    ))
}
