package dev.cabin.diagram.layout;

/** A point in diagram coordinates (pixels at 100 %, origin at the top left of the diagram). */
public record Point(double x, double y) {
}
