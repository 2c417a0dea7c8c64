# The demo frame (`synack demo`, src/cli/demo.rs) and the renderer's own
# words (src/sim/render.rs, src/sim/mod.rs).

demo-list-topics = topics: { $topics }
demo-step-prompt = [Enter] next · q quit
demo-unknown = unknown demo { $name } (see `synack demo list`)
demo-stopped = stopped
demo-no-data = (no data)
