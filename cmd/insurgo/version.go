package main

// Version is insurgo's version, written to manifest.json and sweep
// manifests.
const Version = "0.1.0"
