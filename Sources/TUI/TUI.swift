// The explorer; see DESIGN.md.
import Content
