// Placeholder so a stage with no sources yet still forms a library.
