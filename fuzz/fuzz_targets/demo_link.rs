//! The `demo:` link parser: any link target → [`DemoLink`] → the argv a demo
//! runs with → the demo itself, as `:demo` and `synack show --demo` would run
//! it. The socket demo is forced into `--simulate` so a fuzz run opens no
//! sockets; `--step` is dropped (it waits for Enter on a terminal).

#![no_main]

use libfuzzer_sys::fuzz_target;
use synack::sim::{self, DemoLink};

fuzz_target!(|data: &[u8]| {
    let Ok(target) = std::str::from_utf8(data) else {
        return;
    };
    let Some(link) = DemoLink::parse(target) else {
        return;
    };
    let argv = link.argv();
    assert_eq!(argv[0], link.name);
    assert!(link.label().starts_with(&link.name));
    let mut argv: Vec<String> = argv.into_iter().filter(|a| a != "--step").collect();
    if argv[0] == "sockets" {
        argv.push("--simulate".into());
    }
    if let Ok(run) = sim::run(&argv) {
        assert!(!run.report.trace.blocks.is_empty());
        let _ = run.report.text(80);
        let _ = serde_json::to_string(&run.report.json);
    }
});
