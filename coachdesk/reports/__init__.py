"""Reports: what to disclose (content), its PDF layout, the cohort statistics, the export."""
