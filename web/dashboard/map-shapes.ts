import { geoIdentity, geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** A topology as the boundaries endpoint serves it, with Dauys's own metadata beside the standard keys. */
export type ElectionTopology = Topology<{ regions: GeometryCollection<{ code: string; kind?: string }> }> & {
  dauys?: { schematic?: boolean; projection?: 'identity' | 'mercator'; description?: string };
};

export interface MapShape {
  code: string;
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
    { code: string; kind?: string }
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
  return collection.features.map((shape: Feature<Geometry, { code: string; kind?: string }>) => {
    const [[x0, y0]] = path.bounds(shape);
    if (shape.geometry.type === 'Point') {
      const [x, y] = projection(shape.geometry.coordinates as [number, number]) ?? [0, 0];
      return { code: shape.properties.code, kind: 'city', d: '', x, y, labelX: x, labelY: y };
    }
    const [x, y] = path.centroid(shape);
    return {
      code: shape.properties.code,
      kind: 'area',
      d: path(shape) ?? '',
      x,
      y,
      labelX: x0 + 6,
      labelY: y0 + 16,
    };
  });
}
