import type { DescEnum } from '@bufbuild/protobuf';

/**
 * The JSON-facing names of the gateway and the docs are the enum value names without the
 * type prefix, lowercased: INTENT_PRODUCT_SEARCH -> "product_search".
 */
export function enumValueName(enumDesc: DescEnum, value: number): string {
  const found = enumDesc.values.find((v) => v.number === value);
  return found ? found.localName.toLowerCase() : 'unspecified';
}

/** The inverse of enumValueName; undefined for a name that is not a value of the enum. */
export function enumValueByName(enumDesc: DescEnum, name: string): number | undefined {
  const wanted = name.trim().toLowerCase();
  return enumDesc.values.find((v) => v.number !== 0 && v.localName.toLowerCase() === wanted)
    ?.number;
}

/** All short names except the zero "unspecified" value. */
export function enumNames(enumDesc: DescEnum): string[] {
  return enumDesc.values.filter((v) => v.number !== 0).map((v) => v.localName.toLowerCase());
}
