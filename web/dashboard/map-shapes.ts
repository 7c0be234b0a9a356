import { geoIdentity, geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { LocalizedText } from '../shared/api-types';

/** A shape's properties: its area code, and short names for labels where the file has them. */
export interface ShapeProperties {
  code: string;
  kind?: string;
  shortNames?: LocalizedText;
}

/** A topology as the boundaries endpoint serves it, with Dauys's own metadata beside the standard keys. */
export type ElectionTopology = Topology<{ regions: GeometryCollection<ShapeProperties> }> & {
  dauys?: { schematic?: boolean; projection?: 'identity' | 'mercator'; description?: string };
};

export interface MapShape {
  code: string;
  /** The label's text in each language (the file's short names), when it has them. */
  shortNames?: LocalizedText;
  kind: 'area' | 'city';
  /** SVG path data for an area; empty for a city. */
  d: string;
  /** Where a city's circle, or an area's label, goes. */
  x: number;
  y: number;
  /** Top-left corner of the area's bounding box, for a label that does not cover a city circle. */
  labelX: number;
  labelY: number;
}

/**
 * Turns the election's TopoJSON into SVG shapes fitted to a `width` × `height` box: polygons
 * for regions, points for cities (drawn as circles). A schematic map is drawn as is
 * (`identity`); real boundaries in longitude/latitude get a Mercator projection.
 */
export function mapShapes(topology: ElectionTopology, width: number, height: number): MapShape[] {
  const collection = feature(topology, topology.objects.regions) as FeatureCollection<
    Geometry,
    ShapeProperties
  >;
  const projection: GeoProjection | ReturnType<typeof geoIdentity> =
    topology.dauys?.projection === 'identity' ? geoIdentity() : geoMercator();
  projection.fitExtent(
    [
      [2, 2],
      [width - 2, height - 2],
    ],
    collection,
  );
  const path = geoPath(projection);
  return collection.features.map((shape: Feature<Geometry, ShapeProperties>) => {
    const [[x0, y0]] = path.bounds(shape);
    const names = shape.properties.shortNames ? { shortNames: shape.properties.shortNames } : {};
    if (shape.geometry.type === 'Point') {
      const [x, y] = projection(shape.geometry.coordinates as [number, number]) ?? [0, 0];
      return { code: shape.properties.code, ...names, kind: 'city', d: '', x, y, labelX: x, labelY: y };
    }
    const [x, y] = path.centroid(shape);
    return {
      code: shape.properties.code,
      ...names,
      kind: 'area',
      d: path(shape) ?? '',
      x,
      y,
      labelX: x0 + 6,
      labelY: y0 + 16,
    };
  });
}

/**
 * The text on a shape in a language: the file's short name, else the area's name from the
 * results when it is short enough for a tile, else the code without its country prefix.
 *
 * @example
 * shapeLabel({ code: 'kz-zap', shortNames: { kk: 'БҚО', ru: 'ЗКО', en: 'West Kaz.' } }, 'ru'); // 'ЗКО'
 */
export function shapeLabel(
  shape: Pick<MapShape, 'code' | 'shortNames'>,
  locale: keyof LocalizedText,
  areaNames?: LocalizedText,
): string {
  const short = shape.shortNames?.[locale];
  if (short) return short;
  const name = areaNames?.[locale];
  if (name && name.length <= 12) return name;
  return shape.code.replace(/^[a-z]+-/, '').toUpperCase();
}
