from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse

login_view = auth_views.LoginView.as_view(template_name="web/login.html")


@login_required
def dashboard(request):
    return HttpResponse("tdkt")
