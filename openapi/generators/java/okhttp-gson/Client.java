import org.openapitools.client.ApiClient;

/** okhttp-gson: the base path is the whole server URL. */
final class Client {
  static ApiClient create(String url) {
    return new ApiClient().setBasePath(url);
  }
}
