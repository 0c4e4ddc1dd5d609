/**
 * Formats JSON with the repository's Prettier when it is installed (development checkouts), so
 * committed model directories pass the format check; otherwise returns it as given. Prettier is
 * a dev dependency and never needed to train or load a model.
 */
export async function formatJsonLikeRepo(json: string, path: string): Promise<string> {
  let prettier: typeof import('prettier');
  try {
    prettier = await import('prettier');
  } catch {
    return json;
  }
  const config = (await prettier.resolveConfig(path)) ?? {};
  return prettier.format(json, { ...config, parser: 'json', filepath: path });
}
