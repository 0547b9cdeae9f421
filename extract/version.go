package extract

// Version names the extraction rules. The library keeps each page's
// extraction in its index with the Version that made it, and reads pages
// again in the background when it differs: change it whenever a change to
// this package changes what a page extracts to.
const Version = "2026-12-05.1"
