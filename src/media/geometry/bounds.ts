/** An upright rectangle of pixels; every edge is a pixel row or column inside it (inclusive). */
export interface Bounds {
  left: number;
  right: number;
  top: number;
  bottom: number;
}
