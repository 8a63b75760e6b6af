/// What can happen to the explorer: a bound key's command, the mouse, a resize, or a
/// request to go somewhere (used by `--section`/`--item` at start-up).
public enum Action: Equatable, Sendable {
    case command(Command)
    case mouse(MouseEvent)
    case resize(Size)
    case follow(Target)
    /// A key no command is bound to: said in the status bar, so a typo is not silent.
    case unbound(Key)
}
