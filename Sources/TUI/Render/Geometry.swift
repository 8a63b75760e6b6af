/// A rectangle of terminal cells: columns `x..<maxX`, rows `y..<maxY`.
///
/// Sizes never go negative: insets and intersections clamp to an empty rectangle, so pane
/// code can shrink a tiny terminal without checking every step.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// A rectangle at the origin, e.g. a whole screen.
    public init(width: Int, height: Int) {
        self.init(x: 0, y: 0, width: width, height: height)
    }

    public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

    /// One past the last column.
    public var maxX: Int { x + width }
    /// One past the last row.
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width <= 0 || height <= 0 }
    public var area: Int { width * height }

    public func contains(x column: Int, y row: Int) -> Bool {
        column >= x && column < maxX && row >= y && row < maxY
    }

    /// Shrunk by `amount` on every side (a box's interior is `inset(by: 1)`).
    public func inset(by amount: Int) -> Rect {
        inset(top: amount, left: amount, bottom: amount, right: amount)
    }

    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        let width = max(0, self.width - left - right)
        let height = max(0, self.height - top - bottom)
        return Rect(x: x + min(left, self.width), y: y + min(top, self.height), width: width, height: height)
    }

    /// The cells in both rectangles; empty (at this origin) when they do not overlap.
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x)
        let top = max(y, other.y)
        let right = min(maxX, other.maxX)
        let bottom = min(maxY, other.maxY)
        guard right > left && bottom > top else { return Rect(x: x, y: y, width: 0, height: 0) }
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// The single row `row` of this rectangle (relative to `y`), or an empty rect past the end.
    public func row(_ row: Int) -> Rect {
        guard row >= 0 && row < height else { return Rect(x: x, y: y + max(0, row), width: 0, height: 0) }
        return Rect(x: x, y: y + row, width: width, height: 1)
    }

    public var description: String { "Rect(x: \(x), y: \(y), width: \(width), height: \(height))" }
}
