# Presentation (src/render): intervals for people, labels in rendered Markdown.

render-interval-minutes = { $n }m
render-interval-hours = { $n }h
render-interval-days = { $n }d
render-interval-months = { $n }mo
render-interval-years = { $n }y
render-demo-link = [demo { $label }]
render-image = [image]
render-image-alt = [image: { $alt }]
