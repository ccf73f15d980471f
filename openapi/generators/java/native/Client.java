import java.net.http.HttpClient;
import org.openapitools.client.ApiClient;

/** native (java.net.http): the server URL is given to the constructor. */
final class Client {
  static ApiClient create(String url) {
    return new ApiClient(HttpClient.newBuilder(), ApiClient.createDefaultObjectMapper(), url);
  }
}
