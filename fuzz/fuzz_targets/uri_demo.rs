//! `synack demo uri` with arbitrary input as the URI, in both output
//! formats; a NUL byte in the input splits off a `--base` and then a
//! `--compare` value, so resolution and origin comparison are fuzzed too.

#![no_main]

use libfuzzer_sys::fuzz_target;
use synack::sim;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.split('\0');
    let uri = parts.next().unwrap_or_default();
    let base = parts.next();
    let compare = parts.next();
    for format in ["text", "json"] {
        let mut argv: Vec<String> = vec!["uri".into(), "--format".into(), format.into()];
        if let Some(base) = base {
            argv.extend(["--base".into(), base.into()]);
        }
        if let Some(compare) = compare {
            argv.extend(["--compare".into(), compare.into()]);
        }
        // After `--`, an input starting with `-` is still the URI.
        argv.extend(["--".into(), uri.into()]);
        match sim::run(&argv) {
            Ok(run) => {
                assert!(!run.report.trace.blocks.is_empty());
                assert_eq!(run.report.json["input"].as_str(), Some(uri));
                let _ = run.report.text(80);
                let _ = serde_json::to_string_pretty(&run.report.json);
            }
            // Only a --base or --compare value may be refused; the URI itself never is.
            Err(e) => assert!(base.is_some() || compare.is_some(), "{e}"),
        }
    }
});
