/// The line that opens each article's block when `outline` or `links` prints a folder:
///
///     == articles/more/communalism.txt: Communalism ==
///
/// The path is the one `search` and error messages print, so a `line 6` in the block below
/// it reads as `articles/more/communalism.txt:6`; without it, line numbers from several
/// articles would be ambiguous. A single article needs no heading.
public enum ArticleHeading {
    public static func line(for article: Article) -> String {
        "== \(article.path.neutralized): \(article.title.neutralized) ==\n"
    }
}
