locals {
  # Actual spend at 80 % and 100 %, and the month's forecast at 100 %.
  notifications = {
    actual-80 = {
      threshold      = 80
      threshold_type = "Actual"
    }
    actual-100 = {
      threshold      = 100
      threshold_type = "Actual"
    }
    forecasted-100 = {
      threshold      = 100
      threshold_type = "Forecasted"
    }
  }
}
