// kruisec's version, for --version and the tool version in SARIF. Kept equal to package.json.
export const VERSION = '0.1.0';
