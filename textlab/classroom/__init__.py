"""Teaching: one-click experiments, lesson links and the guided tour."""
