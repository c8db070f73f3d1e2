"""Centre points of regions computed from the places GeoNames lists in them (build time only).

GeoNames places a region's point near the middle of its territory; the middle of the extent of
its settlements approximates that (see :func:`extent_centre`). Used by
:mod:`newsgraph.places.build` for admin1 regions, counties and countries without a row in
countries.tsv.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from newsgraph.places.context import distance_km

OUTLIER_FACTOR = 10.0  # see extent_centre
OUTLIER_MIN_KM = 2500.0  # see extent_centre
# A computed country centre with no place of the country within AT_SEA_KM lies in the sea between
# islands; it then moves to the main island: places within MAIN_ISLAND_KM of the most populous one.
AT_SEA_KM = 50.0
MAIN_ISLAND_KM = 150.0


def extent_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Midpoint of the settlements' extent, after dropping far outliers (remote islands).

    GeoNames places a region's point near the middle of its territory; the middle of where
    its settlements lie approximates that, while a mean is pulled to the densely settled part
    (Ontario's mean lies near Toronto, far south of the province's middle). An outlier is a
    place farther from the median point than OUTLIER_FACTOR times the median distance and
    than OUTLIER_MIN_KM (Easter Island in Valparaíso region). Longitudes are taken on whichever
    side of the antimeridian gives the narrower extent (Alaska, Chukotka).
    """
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    middle = (lats[len(lats) // 2], lons[len(lons) // 2])
    far = [distance_km(middle[0], middle[1], lat, lon) for lat, lon in points]
    typical = sorted(far)[len(far) // 2]
    limit = max(OUTLIER_MIN_KM, OUTLIER_FACTOR * typical)
    kept = [p for p, d in zip(points, far, strict=True) if d <= limit] or points
    lat_values = [p[0] for p in kept]
    lon_values = [p[1] for p in kept]
    shifted = [lon + 360 if lon < 0 else lon for lon in lon_values]
    lat = (min(lat_values) + max(lat_values)) / 2
    if max(shifted) - min(shifted) < max(lon_values) - min(lon_values):
        lon = (min(shifted) + max(shifted)) / 2
        return lat, lon - 360 if lon > 180 else lon
    return lat, (min(lon_values) + max(lon_values)) / 2


class Groups:
    """Places grouped by region: their points (for the centre), summed population, biggest place."""

    def __init__(self) -> None:
        self.points: dict[Any, list[tuple[float, float]]] = defaultdict(list)
        self.population: Counter[Any] = Counter()
        self.biggest: dict[Any, tuple[int, float, float]] = {}

    def add(self, group: Any, city: dict[str, Any]) -> None:
        point = (city["latitude"], city["longitude"])
        self.points[group].append(point)
        self.population[group] += int(city["population"])
        if int(city["population"]) > self.biggest.get(group, (-1, 0.0, 0.0))[0]:
            self.biggest[group] = (int(city["population"]), *point)

    def centre(self, group: Any) -> tuple[float, float]:
        return extent_centre(self.points[group])

    def land_centre(self, group: Any) -> tuple[float, float]:
        """The extent midpoint, unless it falls in the sea between islands (no place within
        AT_SEA_KM): then the midpoint of the main island, the places within MAIN_ISLAND_KM of
        the most populous one. Mauritius's midpoint with Rodrigues lies 130 km out at sea."""
        lat, lon = self.centre(group)
        points = self.points[group]
        if min(distance_km(lat, lon, a, b) for a, b in points) <= AT_SEA_KM:
            return lat, lon
        _, big_lat, big_lon = self.biggest[group]
        main = [(a, b) for a, b in points if distance_km(big_lat, big_lon, a, b) <= MAIN_ISLAND_KM]
        return extent_centre(main)
