"""The Qt layer: widgets and item models that adapt the domain and presentation layers, wired in one place
(:mod:`ajexplorer.gui.mainwindow`)."""
